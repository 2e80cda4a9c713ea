using InvestCRM.Data;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Funnel;

/// <summary>
/// Reads the funnel. Whole months come from the summaries; the days of a partial first or last month (custom
/// periods) come from the detail rows through the same FunnelLines rules, so both paths count the same way.
/// </summary>
public sealed class FunnelQueries(CrmDbContext db, ReportOptionsQuery options)
{
    public async Task<FunnelReport?> ReportAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var found = await options.ForAsync(filter, ct);
        if (found is null)
        {
            return null;
        }

        var period = filter.PeriodFor(found.Plan);
        var units = await UnitsAsync(filter, found.Plan.Id, ct);
        var cells = await CellsAsync(units, period.Range, ct);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);
        var rows = FunnelMath.Stages(stages.Select(s => (s.Id, s.NameZh, s.NameEn)).ToList(), cells);
        return new FunnelReport(found, period, rows, await CohortsAsync(units, period.Range, stages.Select(s => s.Id).ToList(), ct));
    }

    public async Task<FunnelUnits> UnitsAsync(ReportFilter filter, int planId, CancellationToken ct = default)
    {
        IReadOnlyList<int>? parks = null;
        if (filter.ParkId is { } park)
        {
            var all = await db.Parks.AsNoTracking().Where(p => p.PlanId == planId).Select(p => new { p.Id, p.ParentId }).ToListAsync(ct);
            parks = TargetProgress.WithDescendants(park, all.Select(p => (p.Id, p.ParentId)).ToList());
        }

        return new FunnelUnits(parks, filter.ChainId, filter.TeamId, filter.IncubatorId);
    }

    /// <summary>Summed figures per kind, stage and detail in the range (null = all time).</summary>
    public async Task<List<FunnelCell>> CellsAsync(FunnelUnits units, DateRange? range, CancellationToken ct = default)
    {
        var (first, last) = range is null ? (0, 999999) : LedgerQueries.WholeMonths(range);
        var cells = units.Rollup is (var kind, var ids)
            ? await Cells(Rollups(kind, ids), first, last, ct)
            : await Cells(units.Apply(db.FunnelSummaries.AsNoTracking()), first, last, ct);
        if (range is not null)
        {
            cells.AddRange((await EdgeLinesAsync(range, first, last, ct)).Where(units.Matches)
                .Select(l => new FunnelCell(l.Kind, l.StageId, l.Detail, l.Projects, l.PlannedInvestmentWan)));
        }

        return cells;
    }

    private async Task<IReadOnlyList<CohortRow>> CohortsAsync(FunnelUnits units, DateRange range, List<int> stageIds, CancellationToken ct)
    {
        var (from, to) = (FunnelLines.Quarter(range.Start), FunnelLines.Quarter(range.End.AddTicks(-1)));
        var cells = units.Rollup is (var kind, var ids)
            ? await Cohorts(Rollups(kind, ids), from, to, ct)
            : await Cohorts(units.Apply(db.FunnelSummaries.AsNoTracking()), from, to, ct);
        return cells.GroupBy(c => c.Cohort).OrderBy(g => g.Key)
            .Select(g =>
            {
                var reached = stageIds.Select(id => g.Where(c => c.StageId == id).Sum(c => c.Projects)).ToList();
                return new CohortRow(g.Key, reached.Count == 0 ? 0 : reached[0], reached);
            })
            .ToList();
    }

    private IQueryable<FunnelRollup> Rollups(RollupUnit kind, IReadOnlyList<int>? ids)
    {
        var rows = db.FunnelRollups.AsNoTracking().Where(r => r.UnitKind == EF.Constant(kind));
        return ids is null ? rows : rows.Where(r => ids.Contains(r.UnitId));
    }

    // One query for the roll-ups and the summaries: both carry the funnel's facts (IFunnelFacts). The kind of unit and
    // the months are constants, not parameters: PostgreSQL's generic plan for a prepared statement guessed a few rows
    // for any month range and sorted the 4,375 roll-up rows of the whole plan (2.7 ms against 1.1 planned for the
    // values). A plan's periods and the kinds of unit take few values.
    private static Task<List<FunnelCell>> Cells<T>(IQueryable<T> rows, int first, int last, CancellationToken ct) where T : class, IFunnelFacts =>
        rows.Where(s => s.Kind != FunnelKind.Cohort && s.Month >= EF.Constant(first) && s.Month <= EF.Constant(last))
            .GroupBy(s => new { s.Kind, s.StageId, s.Detail })
            .Select(g => new FunnelCell(g.Key.Kind, g.Key.StageId, g.Key.Detail, g.Sum(s => s.Projects), g.Sum(s => s.PlannedInvestmentWan)))
            .ToListAsync(ct);

    private static async Task<List<(int Cohort, int StageId, long Projects)>> Cohorts<T>(IQueryable<T> rows, int from, int to, CancellationToken ct)
        where T : class, IFunnelFacts =>
        (await rows.Where(s => s.Kind == FunnelKind.Cohort && s.Cohort >= EF.Constant(from) && s.Cohort <= EF.Constant(to))
            .GroupBy(s => new { s.Cohort, s.StageId })
            .Select(g => new { g.Key.Cohort, g.Key.StageId, Projects = g.Sum(s => s.Projects) })
            .ToListAsync(ct))
        .Select(c => (c.Cohort, c.StageId, c.Projects)).ToList();

    /// <summary>Lines of the detail rows that fall in the partial months at either end of the range.</summary>
    private async Task<List<FunnelSummary>> EdgeLinesAsync(DateRange range, int first, int last, CancellationToken ct)
    {
        var start = range.Start;
        var end = range.End;
        var inner = first > last ? end : MonthStart(first, 0);
        var innerEnd = first > last ? end : MonthStart(last, 1);
        if (start >= inner && innerEnd >= end)
        {
            return [];
        }

        bool InEdge(DateTimeOffset at) => at >= start && at < end && (at < inner || at >= innerEnd);
        var ids = await db.StagesReached.AsNoTracking()
            .Where(r => r.FirstReachedAt >= start && r.FirstReachedAt < end && (r.FirstReachedAt < inner || r.FirstReachedAt >= innerEnd)).Select(r => r.ProjectId)
            .Union(db.StageChanges.AsNoTracking().Where(c => c.At >= start && c.At < end && (c.At < inner || c.At >= innerEnd)).Select(c => c.ProjectId))
            .ToListAsync(ct);
        var lines = new List<FunnelSummary>();
        foreach (var batch in ids.Chunk(2000))
        {
            var projects = await db.Projects.AsNoTracking().Where(p => batch.Contains(p.Id)).ToListAsync(ct);
            var reached = (await db.StagesReached.AsNoTracking().Where(r => batch.Contains(r.ProjectId)).ToListAsync(ct)).ToLookup(r => r.ProjectId);
            var changes = (await db.StageChanges.AsNoTracking().Where(c => batch.Contains(c.ProjectId)).ToListAsync(ct)).ToLookup(c => c.ProjectId);
            lines.AddRange(projects
                .SelectMany(p => FunnelLines.For(FunnelProject.Of(p), reached[p.Id], changes[p.Id]))
                .Where(l => l.Row.Kind != FunnelKind.Cohort && InEdge(l.At))
                .Select(l => l.Row));
        }

        return lines;
    }

    /// <summary>Midnight China time starting month yyyyMM (plus <paramref name="add"/> months), in UTC.</summary>
    private static DateTimeOffset MonthStart(int month, int add) =>
        new DateTimeOffset(month / 100, month % 100, 1, 0, 0, 0, LedgerLine.ChinaOffset).AddMonths(add).ToUniversalTime();
}
