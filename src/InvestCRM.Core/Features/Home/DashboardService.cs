using System.Globalization;
using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.MyWork;
using InvestCRM.Features.Pipeline;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestCRM.Features.Home;

/// <summary>
/// The leaders' dashboard (驾驶舱). Each section is one method and reads summaries where the detail is large:
/// completion and landings from the ledger's summaries, the pipeline from <c>PipelineSummaries</c>.
/// </summary>
public sealed class DashboardService(
    CrmDbContext db, ReportOptionsQuery reportOptions, TargetProgress progress, LedgerSliceQueries slices, ReferenceCache cache, TimeProvider clock,
    IOptions<MyWorkOptions> options)
{
    public const int TopCount = 5;
    public const int StalledCount = 10;

    /// <summary>The whole dashboard for a filter; null when there is no plan yet.</summary>
    public async Task<DashboardView?> ForAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(filter, ct);
        if (scope is null)
        {
            return null;
        }

        var (completion, landings) = (await CompletionAsync(scope, ct), await LandingsAsync(scope, ct));
        var (teams, incubators) = (await TopTeamsAsync(scope, ct), await TopIncubatorsAsync(scope, ct));
        var pipeline = await PipelineAsync(scope, ct);
        var active = (int)pipeline.Sum(l => l.Active);
        return new DashboardView(scope, completion, landings, teams, incubators, pipeline, await StalledAsync(scope, active, ct));
    }

    /// <summary>Resolves the filter against its plan (the newest plan when none is chosen), as the report options hold it.</summary>
    public async Task<DashboardScope?> ScopeAsync(ReportFilter filter, CancellationToken ct = default)
    {
        if (await reportOptions.ForAsync(filter, ct) is not { } options)
        {
            return null;
        }

        var plan = options.Plan;
        var context = await progress.ContextAsync(plan, ct);
        IReadOnlyList<int> parkIds = filter.ParkId is { } park ? TargetProgress.WithDescendants(park, context.Parks) : [];
        var nodes = filter.ChainId is { } chain ? await db.ChainNodes.AsNoTracking().Where(n => n.ChainId == chain).Select(n => n.Id).ToListAsync(ct) : [];
        return new DashboardScope(context, filter with { PlanId = plan.Id }, filter.PeriodFor(plan), parkIds, nodes)
        {
            Problems = ReportFilterProblems.Of(filter, options),
        };
    }

    public Task<IReadOnlyList<TargetCompletion>> CompletionAsync(DashboardScope scope, CancellationToken ct = default) =>
        progress.ForPlanAsync(scope.Context, scope.Shows, ct);

    /// <summary>Projects counted per month (yyyyMM, China time) in the period and units.</summary>
    public async Task<IReadOnlyList<MonthTotals>> LandingsAsync(DashboardScope scope, CancellationToken ct = default) =>
        (await slices.GroupedAsync(scope.Slice, SliceKey.Month, ct))
            .OrderBy(m => m.Key).Select(m => new MonthTotals(m.Key, m.Projects, m.InvestmentWan)).ToList();

    /// <summary>The teams that landed the most projects in the period, then the most investment.</summary>
    public async Task<IReadOnlyList<TopUnit>> TopTeamsAsync(DashboardScope scope, CancellationToken ct = default) =>
        Top(await slices.GroupedAsync(scope.Slice, SliceKey.Team, ct), (await OptionsAsync(scope, ct)).Teams);

    /// <summary>The offshore incubators whose referrals landed the most projects in the period, then the most investment.</summary>
    public async Task<IReadOnlyList<TopUnit>> TopIncubatorsAsync(DashboardScope scope, CancellationToken ct = default) =>
        Top(await slices.GroupedAsync(scope.Slice, SliceKey.Incubator, ct), (await OptionsAsync(scope, ct)).Incubators);

    private static List<TopUnit> Top(IEnumerable<SliceTotals> totals, IReadOnlyList<Option> units)
    {
        var named = units.ToDictionary(u => int.Parse(u.Id, CultureInfo.InvariantCulture));
        return totals.Where(t => named.ContainsKey(t.Key))
            .OrderByDescending(t => t.Projects).ThenByDescending(t => t.InvestmentWan).ThenBy(t => t.Key).Take(TopCount)
            .Select(t => new TopUnit(t.Key, named[t.Key].Zh, named[t.Key].En, t.Projects, t.InvestmentWan)).ToList();
    }

    /// <summary>
    /// The report filter's lists of the scope's plan, kept in the reference cache: they name the top lists' units (every
    /// team; the plan's incubators), as the filter offers them.
    /// </summary>
    private async Task<ReportOptions> OptionsAsync(DashboardScope scope, CancellationToken ct) =>
        await reportOptions.ForAsync(scope.Filter, ct) ?? throw new InvalidOperationException($"Plan {scope.Plan.Id} has gone.");

    /// <summary>Open (active and on-hold) projects per current stage, in pipeline order; dropped projects are not pipeline.</summary>
    public async Task<IReadOnlyList<PipelineStageLine>> PipelineAsync(DashboardScope scope, CancellationToken ct = default)
    {
        var rows = PipelineRows(scope).Where(s => s.Status == ProjectStatus.Active || s.Status == ProjectStatus.OnHold);
        var sums = await rows.GroupBy(s => new { s.StageId, s.Status })
            .Select(g => new { g.Key.StageId, g.Key.Status, Projects = g.Sum(s => s.Projects), Investment = g.Sum(s => s.InvestmentWan) })
            .ToListAsync(ct);
        var stages = await cache.StagesAsync(db, ct);
        return stages.Select(stage => new PipelineStageLine(stage.Id, stage.NameZh, stage.NameEn,
                Scaled(sums.Where(s => s.StageId == stage.Id && s.Status == ProjectStatus.Active).Sum(s => s.Projects)),
                Scaled(sums.Where(s => s.StageId == stage.Id && s.Status == ProjectStatus.OnHold).Sum(s => s.Projects)),
                Scaled(sums.Where(s => s.StageId == stage.Id).Sum(s => s.Investment))))
            .ToList();
    }

    /// <summary>
    /// Active projects with no activity (or, never visited, no creation) for the "stale" days of My work. Current state,
    /// so the period does not apply; the units do.
    /// </summary>
    public async Task<StalledProjects> StalledAsync(DashboardScope scope, CancellationToken ct = default) =>
        await StalledAsync(scope, await ActiveCountAsync(scope, ct), ct);

    /// <summary>The same when the scope's active projects are already counted (the pipeline section counts them).</summary>
    private async Task<StalledProjects> StalledAsync(DashboardScope scope, int active, CancellationToken ct)
    {
        var days = options.Value.StaleDays;
        var cutoff = clock.GetUtcNow().AddDays(-days);
        var (parks, filter) = (scope.ParkIds, scope.Filter);
        var projects = db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Active)
            .InUnits(parks.Count == 0 ? null : parks, filter.ChainId, filter.TeamId, filter.IncubatorId);
        // Never visited (by creation) and idle (by last activity) are two ordered ranges of the (Status, LastActivityAt,
        // CreatedAt, Id) index, merged here: ordering by "last activity, else creation" in SQL sorts every active project.
        // Both are ordered by the index's own columns: PostgreSQL does not take "IS NULL" as fixing LastActivityAt, so
        // "ORDER BY CreatedAt" alone made it sort ≈870,000 never-visited projects to keep ten.
        var never = projects.Where(p => p.LastActivityAt == null && p.CreatedAt < cutoff);
        var idle = projects.Where(p => p.LastActivityAt < cutoff);
        var longest = (await Stalled(IndexOrder(never)).ToListAsync(ct)).Concat(await Stalled(IndexOrder(idle)).ToListAsync(ct))
            .OrderBy(p => p.LastActivityAt).ThenBy(p => p.Id).Take(StalledCount).ToList();

        // Counted the other way round, exactly: all active projects of the units (kept in the pipeline summary) less the
        // fresh ones (visited since the cutoff, or never visited and created since), which are the recent few and two
        // ranges of the same index. Counting the stalled ones read most of the table (≈870,000 rows at a million projects).
        var fresh = await projects.Where(p => p.LastActivityAt >= cutoff).CountAsync(ct)
            + await projects.Where(p => p.LastActivityAt == null && p.CreatedAt >= cutoff).CountAsync(ct);
        return new StalledProjects(days, active - fresh, longest);
    }

    private async Task<int> ActiveCountAsync(DashboardScope scope, CancellationToken ct) =>
        (int)(await PipelineRows(scope).Where(s => s.Status == ProjectStatus.Active).SumAsync(s => s.Projects, ct) / PipelineSummary.Scale);

    /// <summary>The pipeline summary's rows of the scope's units (all statuses).</summary>
    private IQueryable<PipelineSummary> PipelineRows(DashboardScope scope)
    {
        var (parks, filter) = (scope.ParkIds, scope.Filter);
        var rows = db.PipelineSummaries.AsNoTracking();
        rows = parks.Count == 0 ? rows : rows.Where(s => parks.Contains(s.ParkId));
        rows = filter.ChainId is { } chain ? rows.Where(s => s.ChainId == chain) : rows;
        rows = filter.TeamId is { } team ? rows.Where(s => s.TeamId == team) : rows;
        return filter.IncubatorId is { } incubator ? rows.Where(s => s.IncubatorId == incubator) : rows;
    }

    private static IQueryable<Project> IndexOrder(IQueryable<Project> projects) =>
        projects.OrderBy(p => p.LastActivityAt).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id);

    private static IQueryable<StalledProject> Stalled(IQueryable<Project> projects) => projects.Take(StalledCount)
        .Select(p => new StalledProject(p.Id, p.Title, p.Enterprise!.Name, p.StageId, p.Stage!.NameZh, p.Stage.NameEn,
            p.LastActivityAt ?? p.CreatedAt, p.StageEnteredAt));

    /// <summary>
    /// The counted projects behind a dashboard figure: the filter's period and units, optionally one month (yyyyMM) of
    /// the period. A month that is none or lies outside the period is a problem, and the whole period is shown.
    /// Null when there is no plan.
    /// </summary>
    public async Task<SliceLedger?> LedgerAsync(ReportFilter filter, int? month, int page, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(filter, ct);
        if (scope is null)
        {
            return null;
        }

        var inMonth = month is { } m ? scope.Slice.InMonth(m) : null;
        var slice = inMonth ?? scope.Slice;
        var (rows, total) = await slices.EntriesAsync(slice, page, ct: ct);
        return new SliceLedger(scope, slice, await slices.TotalsAsync(slice, ct), rows, total)
        {
            Month = inMonth is null ? null : month,
            Problems = month is not null && inMonth is null ? [.. scope.Problems, new Problem(ReportFilterProblems.MonthUnusable, "Month")] : scope.Problems,
        };
    }

    private static decimal Scaled(long value) => value / (decimal)LedgerSummary.Scale;
}
