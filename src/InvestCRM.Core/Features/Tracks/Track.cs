using InvestCRM.Features.Auditing;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Tracks;

/// <summary>
/// A 揭榜挂帅 track: a sub-industry (细分赛道) of a chain, or one link of it, published on a plan's list (榜单) for a park or
/// team to claim (揭榜). The claimant names a leader (挂帅) and commits to figures by a date; the track is then evaluated
/// against what the ledger counts for that unit in that part of the chain, and reviewed periodically ("有进有出、动态管理":
/// a review may withdraw the claim, and the track is open again).
/// </summary>
public class Track : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Name { get; set; }
    public int ChainId { get; set; }

    /// <summary>The link of the chain the track covers; null for the whole chain.</summary>
    public int? ChainNodeId { get; set; }
    public string? Description { get; set; }
    public DateOnly PublishedOn { get; set; }

    /// <summary>Park (with the parks inside it) or team holding the claim; null while the track is open.</summary>
    public TargetScope? ClaimScope { get; set; }
    public int? ClaimUnitId { get; set; }
    public string? LeaderName { get; set; }
    public DateOnly? ClaimedOn { get; set; }
    public DateOnly? DueOn { get; set; }

    // Commitments of the claim; a track is judged on those it has.
    public int? CommitEnterprises { get; set; }
    public decimal? CommitInvestmentWan { get; set; }
    public decimal? CommitOutputWan { get; set; }
    public decimal? CommitTaxWan { get; set; }

    public bool IsClaimed => ClaimScope is not null;
}

/// <summary>
/// A periodic review of a claimed track (考评), with the figures as they stood that day, so that a later correction of the
/// ledger does not rewrite what the review saw. <see cref="TrackVerdict.Withdrawn"/> ends the claim.
/// </summary>
public class TrackReview : IAudited
{
    public int Id { get; set; }
    public int TrackId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public TrackVerdict Verdict { get; set; }
    public string? Note { get; set; }
    public string? ReviewedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // The claim reviewed.
    public TargetScope ClaimScope { get; set; }
    public int ClaimUnitId { get; set; }
    public string? LeaderName { get; set; }

    // Figures counted since the claim, on the day of the review.
    public decimal Projects { get; set; }
    public decimal Enterprises { get; set; }
    public decimal InvestmentWan { get; set; }
    public decimal OutputValueWan { get; set; }
    public decimal TaxWan { get; set; }
    public int OpenProjects { get; set; }
}

public enum TrackVerdict
{
    Excellent,
    Pass,
    Warning,
    Withdrawn,
}
