using InvestCRM.Data;
using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Features.Notifications;

/// <summary>
/// The number of unread notices every page's bell shows, kept per user in the <see cref="ReferenceCache"/> between the
/// saves of notices (a <see cref="Notification"/> is reference data for that reason). Kept, a page's bell costs no
/// scope, DbContext or connection of its own: a third of a page that shows no data of its own (0.8 against 1.2 ms of CPU).
/// </summary>
public sealed class UnreadNotices(ReferenceCache cache, IServiceScopeFactory scopes)
{
    public Task<int> CountAsync(CurrentUser user, CancellationToken ct = default) =>
        user.UserId is { } userId ? cache.GetAsync(new Key(userId), c => LoadAsync(userId, c), ct) : Task.FromResult(0);

    // A scope of its own: the layout renders while the page loads its own data, and a DbContext runs one query at a time.
    private async Task<int> LoadAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await UnreadOf.For(db)(db, userId, ct);
    }

    private static readonly CompiledQuery<Func<CrmDbContext, string, CancellationToken, Task<int>>> UnreadOf = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string userId, CancellationToken ct) => db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null)));

    private sealed record Key(string UserId);
}
