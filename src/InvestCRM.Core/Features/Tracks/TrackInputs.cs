using InvestCRM.Features.Common;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Tracks;

/// <summary>The published facts of a track: its name, the chain (or one link of it) it covers, when it was listed.</summary>
public sealed class TrackInput
{
    public string Name { get; set; } = "";
    public int? ChainId { get; set; }
    public int? ChainNodeId { get; set; }
    public string? Description { get; set; }
    public DateOnly? PublishedOn { get; set; }

    internal InputChecks Check() => new InputChecks()
        .Text(nameof(Name), Name, 200, required: true)
        .When(ChainId is null, nameof(ChainId), InputChecks.Required)
        .Text(nameof(Description), Description, 2000)
        .When(PublishedOn is null, nameof(PublishedOn), InputChecks.Required)
        .When(PublishedOn?.Year is < 2000 or > 2100, nameof(PublishedOn), InputChecks.Range);

    internal void ApplyTo(Track track)
    {
        track.Name = Name.Trim();
        track.ChainId = ChainId!.Value;
        track.ChainNodeId = ChainNodeId;
        track.Description = InputChecks.Clean(Description);
        track.PublishedOn = PublishedOn!.Value;
    }

    public static TrackInput Of(Track t) => new()
    {
        Name = t.Name, ChainId = t.ChainId, ChainNodeId = t.ChainNodeId, Description = t.Description, PublishedOn = t.PublishedOn,
    };
}

/// <summary>
/// A claim (揭榜): the park or team that takes the track, its leader (挂帅), the period and at least one commitment.
/// Saving it again on a claimed track amends the claim (audited).
/// </summary>
public sealed class ClaimInput
{
    public TargetScope Scope { get; set; } = TargetScope.Park;
    public int? UnitId { get; set; }
    public string LeaderName { get; set; } = "";
    public DateOnly? ClaimedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public int? CommitEnterprises { get; set; }
    public decimal? CommitInvestmentWan { get; set; }
    public decimal? CommitOutputWan { get; set; }
    public decimal? CommitTaxWan { get; set; }

    /// <summary>
    /// The claim's dates against the track's: a track is claimed from its list, so not before it was published; a claim
    /// made again after a withdrawal starts no earlier than the withdrawal (<paramref name="withdrawnOn"/>); and an amended
    /// claim cannot start after the first review of it (<paramref name="firstReview"/>).
    /// </summary>
    internal InputChecks Check(DateOnly publishedOn, DateOnly? withdrawnOn, DateOnly? firstReview)
    {
        var checks = new InputChecks()
            .When(UnitId is null, nameof(UnitId), InputChecks.Required)
            .When(Scope is not (TargetScope.Park or TargetScope.Team), nameof(UnitId), InputChecks.Unknown)
            .Text(nameof(LeaderName), LeaderName, 100, required: true)
            .When(ClaimedOn is null, nameof(ClaimedOn), InputChecks.Required)
            .When(ClaimedOn?.Year is < 2000 or > 2100, nameof(ClaimedOn), InputChecks.Range)
            .When(ClaimedOn < publishedOn, nameof(ClaimedOn), "Track.ClaimBeforePublished")
            .When(ClaimedOn < withdrawnOn, nameof(ClaimedOn), "Track.ClaimBeforeWithdrawal")
            .When(ClaimedOn > firstReview, nameof(ClaimedOn), "Track.ClaimAfterReview")
            .When(DueOn is null, nameof(DueOn), InputChecks.Required)
            .When(DueOn is { } due && ClaimedOn is { } claimed && due <= claimed, nameof(DueOn), "Track.DueAfterClaim")
            .When(DueOn?.Year is > 2100, nameof(DueOn), InputChecks.Range)
            .When(CommitEnterprises < 0, nameof(CommitEnterprises), InputChecks.NotNegative)
            .When(CommitEnterprises > 1_000_000, nameof(CommitEnterprises), InputChecks.Range);
        foreach (var (field, value) in new[]
                 {
                     (nameof(CommitInvestmentWan), CommitInvestmentWan), (nameof(CommitOutputWan), CommitOutputWan), (nameof(CommitTaxWan), CommitTaxWan),
                 })
        {
            checks.When(value < 0, field, InputChecks.NotNegative).When(value > TargetService.MaxValue, field, InputChecks.Range);
        }

        return checks.When(!HasCommitment, nameof(CommitEnterprises), "Track.CommitmentRequired");
    }

    private bool HasCommitment => CommitEnterprises > 0 || CommitInvestmentWan > 0 || CommitOutputWan > 0 || CommitTaxWan > 0;

    internal void ApplyTo(Track track)
    {
        track.ClaimScope = Scope;
        track.ClaimUnitId = UnitId;
        track.LeaderName = LeaderName.Trim();
        track.ClaimedOn = ClaimedOn;
        track.DueOn = DueOn;
        // A zero commitment is no commitment: the track is not judged on it.
        track.CommitEnterprises = CommitEnterprises > 0 ? CommitEnterprises : null;
        track.CommitInvestmentWan = CommitInvestmentWan > 0 ? CommitInvestmentWan : null;
        track.CommitOutputWan = CommitOutputWan > 0 ? CommitOutputWan : null;
        track.CommitTaxWan = CommitTaxWan > 0 ? CommitTaxWan : null;
    }

    public static ClaimInput Of(Track t) => new()
    {
        Scope = t.ClaimScope ?? TargetScope.Park, UnitId = t.ClaimUnitId, LeaderName = t.LeaderName ?? "", ClaimedOn = t.ClaimedOn, DueOn = t.DueOn,
        CommitEnterprises = t.CommitEnterprises, CommitInvestmentWan = t.CommitInvestmentWan, CommitOutputWan = t.CommitOutputWan, CommitTaxWan = t.CommitTaxWan,
    };
}

/// <summary>A periodic review of a claimed track (考评); <see cref="TrackVerdict.Withdrawn"/> ends the claim and needs a reason.</summary>
public sealed class ReviewInput
{
    public DateOnly? ReviewedOn { get; set; }
    public TrackVerdict Verdict { get; set; } = TrackVerdict.Pass;
    public string? Note { get; set; }

    /// <summary>
    /// A review records what was judged, so it cannot be dated after <paramref name="today"/> (China time); and reviews are
    /// kept in the order they were made, so none is dated before the track's <paramref name="latestReview"/>.
    /// </summary>
    internal InputChecks Check(DateOnly claimedOn, DateOnly today, DateOnly? latestReview) => new InputChecks()
        .When(ReviewedOn is null, nameof(ReviewedOn), InputChecks.Required)
        .When(ReviewedOn < claimedOn, nameof(ReviewedOn), "Track.ReviewBeforeClaim")
        .When(ReviewedOn > today, nameof(ReviewedOn), "Track.ReviewInFuture")
        .When(ReviewedOn < latestReview, nameof(ReviewedOn), "Track.ReviewBeforeLast")
        .Defined(nameof(Verdict), Verdict)
        .When(Verdict == TrackVerdict.Withdrawn && string.IsNullOrWhiteSpace(Note), nameof(Note), "Track.WithdrawReasonRequired")
        .Text(nameof(Note), Note, 2000);
}
