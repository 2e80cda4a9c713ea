using InvestCRM.Features.Common;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Home;

/// <summary>
/// A report filter resolved against its plan: the period's days, the parks a base filter stands for (with the parks
/// inside it), the nodes of a chain filter, and the counting stage of counted figures.
/// </summary>
public sealed record DashboardScope(PlanContext Context, ReportFilter Filter, ReportPeriod Period, IReadOnlyList<int> ParkIds, IReadOnlyList<int> ChainNodeIds)
{
    public Plan Plan => Context.Plan;

    public int CountingStageId => Context.DefaultStageId;

    public LedgerSlice Slice => new(CountingStageId, Period.Range, ParkIds, Filter.ChainId, Filter.TeamId, Filter.IncubatorId);

    /// <summary>What of the filter could not be used (<see cref="ReportFilterProblems"/>), to say above the figures.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>Whether a target belongs on the report: its period is the chosen one, and it is scoped to a chosen unit.</summary>
    public bool Shows(PlanTarget target, Plan plan) => Period.Matches(target, plan) && (!Filter.HasUnitFilter || target.Scope switch
    {
        TargetScope.Park => ParkIds.Contains(target.ScopeId ?? 0),
        TargetScope.Chain => target.ScopeId == Filter.ChainId,
        TargetScope.ChainNode => ChainNodeIds.Contains(target.ScopeId ?? 0),
        TargetScope.Team => target.ScopeId == Filter.TeamId,
        TargetScope.Incubator => target.ScopeId == Filter.IncubatorId,
        _ => false,
    });
}

/// <summary>Open projects standing in one stage today: active, on hold, and their planned investment (万元).</summary>
public sealed record PipelineStageLine(int StageId, string NameZh, string NameEn, decimal Active, decimal OnHold, decimal InvestmentWan)
{
    public decimal Projects => Active + OnHold;
}

/// <summary>A team or incubator with the projects it landed in the period and their investment (万元).</summary>
public sealed record TopUnit(int Id, string Name, string? NameEn, decimal Projects, decimal InvestmentWan);

/// <summary>An active project nobody has logged anything on for a while.</summary>
public sealed record StalledProject(int Id, string Title, string EnterpriseName, int StageId, string StageNameZh, string StageNameEn,
    DateTimeOffset LastActivityAt, DateTimeOffset StageEnteredAt);

/// <summary>How many active projects are stalled (no activity for <c>Days</c> days) and the longest stalled.</summary>
public sealed record StalledProjects(int Days, int Total, IReadOnlyList<StalledProject> Longest);

/// <summary>Everything the leaders' dashboard shows for one filter.</summary>
public sealed record DashboardView(
    DashboardScope Scope, IReadOnlyList<TargetCompletion> Completion, IReadOnlyList<MonthTotals> Months,
    IReadOnlyList<TopUnit> TopTeams, IReadOnlyList<TopUnit> TopIncubators, IReadOnlyList<PipelineStageLine> Pipeline, StalledProjects Stalled);

/// <summary>A dashboard figure's drill-down: what it counts, its totals and one page of its ledger entries.</summary>
public sealed record SliceLedger(DashboardScope Scope, LedgerSlice Slice, SliceTotals Totals, IReadOnlyList<LedgerRow> Rows, int Total)
{
    /// <summary>The month (yyyyMM) the slice is narrowed to, when one of the period was asked for.</summary>
    public int? Month { get; init; }

    /// <summary>The scope's problems, and a month asked for that is none or lies outside the period.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];
}
