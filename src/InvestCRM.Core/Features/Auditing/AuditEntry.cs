namespace InvestCRM.Features.Auditing;

/// <summary>One append-only record of a change: who, when, which record, which fields from what to what.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON array of { field, old, new }.</summary>
    public required string Changes { get; set; }
    public string? Note { get; set; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Merged,
    Reversed,
}

/// <summary>Marks an entity whose every change is written to the audit trail.</summary>
public interface IAudited;
