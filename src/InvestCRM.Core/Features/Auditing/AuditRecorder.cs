using System.Globalization;
using System.Text.Json;
using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestCRM.Features.Auditing;

/// <summary>Turns tracked changes of <see cref="IAudited"/> entities into audit entries.</summary>
internal static class AuditRecorder
{
    public static List<PendingAudit> Capture(ChangeTracker tracker, CurrentUser user)
    {
        tracker.DetectChanges();
        var now = DateTimeOffset.UtcNow;
        return tracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new PendingAudit(e, Action(e.State), Changes(e), user, now))
            .Where(p => p.Action != AuditAction.Updated || p.Changes.Count > 0)
            .ToList();
    }

    private static AuditAction Action(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Updated,
    };

    private static List<FieldChange> Changes(EntityEntry entry) =>
        entry.Properties
            .Where(p => IsRecorded(p.Metadata))
            .Where(p => entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            .Select(p => new FieldChange(
                p.Metadata.Name,
                entry.State == EntityState.Added ? null : Format(p.OriginalValue),
                entry.State == EntityState.Deleted ? null : Format(p.CurrentValue)))
            .Where(c => entry.State == EntityState.Modified || c.Old is not null || c.New is not null)
            .ToList();

    /// <summary>A record's key names it and its version only counts saves, so neither is written as a change.</summary>
    internal static bool IsRecorded(IProperty property) => !property.IsPrimaryKey() && !property.IsConcurrencyToken;

    /// <summary>How a day is written to the trail: ISO 8601, the same in every language.</summary>
    internal const string DayFormat = "yyyy-MM-dd";

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly day => day.ToString(DayFormat, CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        // As typed, whichever side of the change was read back from the database with its column's scale.
        decimal number => Decimals.Trimmed(number).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    internal sealed record FieldChange(string Field, string? Old, string? New);

    internal sealed class PendingAudit(EntityEntry entry, AuditAction action, List<FieldChange> changes, CurrentUser user, DateTimeOffset at)
    {
        public AuditAction Action => action;
        public List<FieldChange> Changes => changes;

        // Keys of added rows are known only after the first save, so the entry is built late.
        public AuditEntry ToEntry() => new()
        {
            At = at,
            UserId = user.IsSystem ? null : user.UserId,
            UserName = user.Name,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Format(entry.Property(p.Name).CurrentValue))),
            Action = action,
            Changes = JsonSerializer.Serialize(changes, JsonOptions),
        };

        private static readonly JsonSerializerOptions JsonOptions = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
