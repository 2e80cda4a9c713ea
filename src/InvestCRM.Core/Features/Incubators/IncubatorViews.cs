using InvestCRM.Features.Activities;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Incubators;

/// <summary>
/// An incubator's key figures over its whole life: referrals, accepted ones, signed projects, projects counted at the
/// counting stage (landed; a split credit counts its share) and their counted investment in 万元.
/// </summary>
public sealed record Figures(int Referred, int Accepted, int Signed, decimal Landed, decimal InvestmentWan)
{
    public static readonly Figures None = new(0, 0, 0, 0, 0);

    public Figures Plus(Figures other) => new(Referred + other.Referred, Accepted + other.Accepted, Signed + other.Signed,
        Landed + other.Landed, InvestmentWan + other.InvestmentWan);
}

public sealed record IncubatorListRow(IncubatorRow Incubator, Figures Figures);

/// <summary>The incubators of a plan with their figures, grouped by region cluster (every cluster, even an empty one).</summary>
public sealed record IncubatorList(PlanSummary Plan, IReadOnlyList<IncubatorListRow> Incubators)
{
    public IReadOnlyList<RegionGroup> Regions => Enum.GetValues<RegionCluster>().Select(GroupOf).ToList();

    private RegionGroup GroupOf(RegionCluster region)
    {
        var rows = Incubators.Where(i => i.Incubator.Region == region).ToList();
        return new RegionGroup(region, rows, rows.Aggregate(Figures.None, (sum, row) => sum.Plus(row.Figures)));
    }
}

public sealed record RegionGroup(RegionCluster Region, IReadOnlyList<IncubatorListRow> Incubators, Figures Totals);

public sealed record IncubatorContactRow(int Id, string Name, string? Title, string? Phone, string? Email);

public sealed record IncubatorContactForm(string IncubatorName, IncubatorContactRow Contact);

public sealed record StatusStep(IncubatorStatus From, IncubatorStatus To, DateTimeOffset At, string? UserName, string? Note);

/// <summary>The incubator's record, its contacts, its status history (newest first) and the statuses it may move to.</summary>
public sealed record IncubatorProfile(IncubatorRow Incubator, IReadOnlyList<IncubatorContactRow> Contacts, IReadOnlyList<StatusStep> History)
{
    public IReadOnlyList<IncubatorStatus> NextStatuses => IncubatorStatusRules.AllowedFrom(Incubator.Status);
}

public sealed record PartnerUserRow(string Id, string Name, string? Email, bool IsActive);

/// <summary>A referral of the incubator with its triage status and, once accepted, its project's current stage.</summary>
public sealed record IncubatorReferralRow(int Id, string EnterpriseName, ReferralStatus Status, int? ProjectId,
    string? StageNameZh, string? StageNameEn, DateTimeOffset SubmittedAt, Submitter SubmittedBy);

/// <summary>A project of the incubator counted at the counting stage, with what was counted and where it is now.</summary>
public sealed record LandedProject(int ProjectId, string Title, DateTimeOffset CountedAt, decimal InvestmentWan, bool IsExpansion,
    string StageNameZh, string StageNameEn);

public sealed record IncubatorActivityRow(long Id, ActivityType Type, DateTimeOffset OccurredAt, string Summary, int ProjectId, string ProjectTitle);

/// <summary>Completion of every target scoped to the incubator, and its plain counts for when it has none.</summary>
public sealed record IncubatorKpis(IReadOnlyList<TargetCompletion> Targets, Figures Counts);
