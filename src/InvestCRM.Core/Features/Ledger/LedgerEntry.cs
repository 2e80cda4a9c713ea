using InvestCRM.Features.Auditing;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Ledger;

/// <summary>
/// A project counted against the plan: written once, the first time the project reaches a counting stage,
/// with the figures it had at that moment. Later edits of the project do not change it; an admin may
/// correct the amounts or reverse the count, both audited. Every dashboard figure is a sum of these.
/// </summary>
public class LedgerEntry : IAudited
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public int StageId { get; set; }
    public DateTimeOffset CountedAt { get; set; }

    /// <summary>An expansion (增资) counts no new enterprise and only its increment as investment.</summary>
    public bool IsExpansion { get; set; }
    public bool IsIncubated { get; set; }
    public decimal InvestmentWan { get; set; }
    public decimal OutputValueWan { get; set; }
    public decimal TaxWan { get; set; }
    public decimal LandMu { get; set; }

    // The units credited, as they were when counted.
    public int? ParkId { get; set; }
    public int? TeamId { get; set; }
    public int? IncubatorId { get; set; }
    public int? ChainId { get; set; }
    public int? ChainNodeId { get; set; }

    /// <summary>Optional second unit credited (考核双算 or 分算, per the plan's rule).</summary>
    public TargetScope? SecondaryScope { get; set; }
    public int? SecondaryId { get; set; }

    /// <summary>The secondary unit's share when the plan splits credit, 0–100; the primary keeps the rest.</summary>
    public decimal SecondarySharePercent { get; set; }

    /// <summary>Why an admin last corrected the amounts; the audit trail holds every correction.</summary>
    public string? CorrectionNote { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }
    public string? ReversedReason { get; set; }
}
