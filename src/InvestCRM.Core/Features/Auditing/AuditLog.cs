using System.Text.Json;
using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Auditing;

public sealed record AuditFieldChange(string Field, string? Old, string? New);

public sealed record AuditView(DateTimeOffset At, string? UserName, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes, string? Note);

/// <summary>Reads the audit trail of one record, newest first.</summary>
public sealed class AuditLog(CrmDbContext db)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task<IReadOnlyList<AuditView>> ForAsync(string entityType, string entityId, int take = 200, CancellationToken ct = default)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            // Append-only, so id order is time order; SQLite cannot ORDER BY a DateTimeOffset column.
            .OrderByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(ct);
        return rows.Select(a => new AuditView(a.At, a.UserName, a.Action,
            JsonSerializer.Deserialize<List<AuditFieldChange>>(a.Changes, Json) ?? [], a.Note)).ToList();
    }
}
