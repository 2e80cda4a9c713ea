using System.Text.Json;
using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Notifications;

public sealed record NotificationRow(long Id, string MessageKey, IReadOnlyList<string> Arguments, string Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>The signed-in user's own notices; nobody reads or marks another user's.</summary>
public sealed class NotificationInbox(CrmDbContext db, TimeProvider clock)
{
    private const int Shown = 100;

    private IQueryable<Notification> Mine => db.Notifications.Where(n => n.UserId == db.User.UserId);

    public async Task<IReadOnlyList<NotificationRow>> ListAsync(CancellationToken ct = default)
    {
        var rows = await Mine.AsNoTracking().OrderByDescending(n => n.Id).Take(Shown)
            .Select(n => new { n.Id, n.MessageKey, n.Arguments, n.Link, n.CreatedAt, IsRead = n.ReadAt != null }).ToListAsync(ct);
        return rows.Select(n => new NotificationRow(n.Id, n.MessageKey, Parse(n.Arguments), n.Link, n.CreatedAt, n.IsRead)).ToList();
    }

    /// <summary>Marks one notice (or, without an id, all) as read; returns its link so the reader can go there.</summary>
    public async Task<string?> MarkReadAsync(long? id, CancellationToken ct = default)
    {
        var unread = await Mine.Where(n => n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(ct);
        foreach (var notification in unread)
        {
            notification.ReadAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return id is null ? null : await Mine.Where(n => n.Id == id).Select(n => n.Link).FirstOrDefaultAsync(ct);
    }

    private static IReadOnlyList<string> Parse(string? arguments) =>
        string.IsNullOrEmpty(arguments) ? [] : JsonSerializer.Deserialize<string[]>(arguments) ?? [];
}
