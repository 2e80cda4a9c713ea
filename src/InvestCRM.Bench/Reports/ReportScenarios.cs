using InvestCRM.Bench.Loading;
using InvestCRM.Data;
using InvestCRM.Features.MyWork;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Bench.Reports;

/// <summary>
/// A report page measured over HTTP, with the SQL it is compared with: the floor over the summary tables (null when
/// the summary it needs does not exist in this build) and the naive aggregate over the detail rows, for reference. The
/// baseline, a signed-in page that reads no report data, has neither.
/// </summary>
internal sealed record ReportScenario(string Name, string Path, string? Floor, string? Naive);

/// <summary>What the report scenarios look at, read from the loaded database: the demo plan, its targets and parks, the busiest park and target.</summary>
internal sealed record ReportData(Plan Plan, int CountingStageId, IReadOnlyList<PlanTarget> Targets, IReadOnlyList<(int Id, int? ParentId)> Parks,
    int FilterParkId, string FilterPeriod, PlanTarget BusyTarget, int BusyTargetEntries)
{
    public int Projects { get; init; }
    public int StageChanges { get; init; }
    public int LedgerEntries { get; init; }

    public static async Task<ReportData> LoadAsync(BenchDatabase db)
    {
        await using var services = db.Services();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var plan = await context.Plans.AsNoTracking().SingleAsync(p => p.Name.StartsWith("三明"));
        var stage = await context.Stages.Where(s => s.CountsAsIntroduced).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync();
        var targets = await context.Targets.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.Id).ToListAsync();
        var parks = (await context.Parks.Where(p => p.PlanId == plan.Id).Select(p => new { p.Id, p.ParentId }).ToListAsync())
            .Select(p => (p.Id, p.ParentId)).ToList();
        var perPark = await context.LedgerEntries.GroupBy(e => e.ParkId ?? 0).Select(g => new { Park = g.Key, Count = g.Count() }).ToListAsync();
        // The park whose own entries and its parks' are the most: the heaviest filter a user can choose.
        var park = parks.MaxBy(p => perPark.Where(c => TargetProgress.WithDescendants(p.Id, parks).Contains(c.Park)).Sum(c => c.Count)).Id;
        var busy = targets.Where(t => t.Scope == TargetScope.Plan).MaxBy(t => TargetPeriods.RangeOf(t, plan).End - TargetPeriods.RangeOf(t, plan).Start)
            ?? throw new InvalidOperationException("The demo plan has no whole-plan target.");
        var range = TargetPeriods.RangeOf(busy, plan);
        var entries = await context.LedgerEntries.CountAsync(e => e.StageId == (busy.CountingStageId ?? stage) && e.CountedAt >= range.Start && e.CountedAt < range.End);
        var period = "c" + Math.Min(3, plan.EndYear - plan.StartYear + 1);
        return new ReportData(plan, stage, targets, parks, park, period, busy, entries)
        {
            Projects = await context.Projects.CountAsync(), StageChanges = await context.StageChanges.CountAsync(),
            LedgerEntries = perPark.Sum(p => p.Count),
        };
    }
}

/// <summary>The report pages and their SQL. When a page changes what it shows, its floors here change with it.</summary>
internal static class ReportScenarios
{
    public static IReadOnlyList<ReportScenario> All(ReportData data, DatabaseProvider provider)
    {
        var sql = new ReportSql(provider, data.Plan.CreditRule);
        var plan = data.Plan;
        var planRange = new DateRange(new DateOnly(plan.StartYear, 1, 1), new DateOnly(plan.EndYear + 1, 1, 1));
        var period = ReportPeriod.Parse(data.FilterPeriod, plan).Range;
        var parks = TargetProgress.WithDescendants(data.FilterParkId, data.Parks);
        var filter = new ReportFilter(Period: data.FilterPeriod, ParkId: data.FilterParkId).ToQuery();
        var label = $"{data.FilterPeriod} + park {data.FilterParkId}";
        return
        [
            // What every page costs before its own data: sign-in, layout, navigation, the bell, rendering and HTTP.
            new("baseline: signed-in page, no report data", "/account/password", null, null),
            Dashboard(sql, data, "dashboard: whole plan", "/", TargetFigures(data, data.Targets), planRange with { To = planRange.To.AddYears(1) }, null),
            Dashboard(sql, data, $"dashboard: {label}", "/?" + filter,
                [.. Totals(data.CountingStageId, period, TargetScope.Park, parks), .. TargetFigures(data, FilteredTargets(data, parks))], period, parks),
            new("funnel: whole plan", "/funnel", ReportSql.SummaryFunnel(planRange, null), sql.DetailFunnel(planRange, null)),
            new($"funnel: {label}", "/funnel?" + filter, ReportSql.SummaryFunnel(period, parks), sql.DetailFunnel(period, parks)),
            Ledger(sql, data),
        ];
    }

    /// <summary>
    /// Everything the dashboard shows: the targets' completion, the landings by month, the top teams and incubators, the
    /// pipeline by stage and the stalled projects. The naive SQL covers the completion and landings only.
    /// </summary>
    private static ReportScenario Dashboard(ReportSql sql, ReportData data, string name, string path, IReadOnlyList<Figure> figures, DateRange months, IReadOnlyList<int>? parks) =>
        new(name, path,
            string.Join(";\n", ReportSql.Targets(data.Plan.Id), sql.SummaryFigures(figures), ReportSql.SummaryMonthly(data.CountingStageId, months, parks),
                sql.SummaryDashboardRest(data.CountingStageId, months, parks, DateTimeOffset.UtcNow.AddDays(-new MyWorkOptions().StaleDays))),
            string.Join(";\n", ReportSql.Targets(data.Plan.Id), sql.DetailFigures(figures), sql.DetailMonthly(data.CountingStageId, months, parks)));

    /// <summary>The ledger page of the busiest whole-plan target: its totals, the number of entries and the newest 50.</summary>
    private static ReportScenario Ledger(ReportSql sql, ReportData data)
    {
        var stage = data.BusyTarget.CountingStageId ?? data.CountingStageId;
        var range = TargetPeriods.RangeOf(data.BusyTarget, data.Plan);
        var totals = Totals(stage, range, TargetScope.Plan, []);
        return new($"ledger: target {data.BusyTarget.Id} ({data.BusyTargetEntries:N0} entries)", $"/ledger?target={data.BusyTarget.Id}",
            sql.SummaryFigures(totals) + ";\n" + sql.LedgerEntries(stage, range),
            sql.DetailFigures(totals) + ";\n" + sql.DetailLedgerEntries(stage, range));
    }

    private static List<Figure> Totals(int stage, DateRange range, TargetScope scope, IReadOnlyList<int> units) =>
        Enum.GetValues<TargetMetric>().Select(m => new Figure(stage, range, scope, units, m)).ToList();

    /// <summary>Each target's completion figure: its counting stage, period, units (a park with its parks) and metric.</summary>
    internal static List<Figure> TargetFigures(ReportData data, IEnumerable<PlanTarget> targets) =>
        targets.Select(t => new Figure(t.CountingStageId ?? data.CountingStageId, TargetPeriods.RangeOf(t, data.Plan), t.Scope,
            t.Scope == TargetScope.Park ? TargetProgress.WithDescendants(t.ScopeId ?? 0, data.Parks) : t.ScopeId is { } id ? [id] : [], t.Metric)).ToList();

    /// <summary>Targets of the chosen parks whose own period is the chosen one (ReportPeriod.Matches).</summary>
    private static IEnumerable<PlanTarget> FilteredTargets(ReportData data, IReadOnlyList<int> parks)
    {
        var period = ReportPeriod.Parse(data.FilterPeriod, data.Plan);
        return data.Targets.Where(t => t.Scope == TargetScope.Park && parks.Contains(t.ScopeId ?? 0) && period.Matches(t, data.Plan));
    }
}
