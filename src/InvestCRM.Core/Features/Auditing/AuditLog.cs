using System.Text.Json;
using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestCRM.Features.Auditing;

/// <summary>
/// One field of a change. <paramref name="EnumType"/> names the enum the values come from and
/// <paramref name="IsYesNo"/> marks a bool, so the UI can show them in the user's language.
/// </summary>
public sealed record AuditFieldChange(string Field, string? Old, string? New, string? EnumType = null, bool IsYesNo = false);

public sealed record AuditView(DateTimeOffset At, string? UserName, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes, string? Note);

/// <summary>Reads the audit trail of one record, newest first.</summary>
public sealed class AuditLog(CrmDbContext db)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task<IReadOnlyList<AuditView>> ForAsync(string entityType, string entityId, int take = 200, CancellationToken ct = default)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            // Entries are append-only, so the id orders them by time (SQLite cannot ORDER BY a DateTimeOffset).
            .OrderByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(ct);
        var entity = db.Model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == entityType);
        return rows.Select(a => new AuditView(a.At, a.UserName, a.Action,
            (JsonSerializer.Deserialize<List<AuditFieldChange>>(a.Changes, Json) ?? []).Select(c => Typed(c, entity)).ToList(), a.Note)).ToList();
    }

    private static AuditFieldChange Typed(AuditFieldChange change, IEntityType? entity)
    {
        var type = entity?.FindProperty(change.Field)?.ClrType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return change with { EnumType = type is { IsEnum: true } ? type.Name : null, IsYesNo = type == typeof(bool) };
    }
}
