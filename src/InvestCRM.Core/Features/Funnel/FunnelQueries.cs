using System.Globalization;
using InvestCRM.Data;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Funnel;

/// <summary>
/// Reads the funnel. Whole months come from the summaries; the days of a partial first or last month (custom
/// periods) come from the detail rows through the same FunnelLines rules, so both paths count the same way.
/// </summary>
public sealed class FunnelQueries(CrmDbContext db, ReportOptionsQuery options, ReferenceCache cache)
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
        var (cells, cohorts) = await FactsAsync(units, period.Range, ct);
        var stages = await cache.StagesAsync(db, ct);
        var rows = FunnelMath.Stages(stages.Select(s => (s.Id, s.NameZh, s.NameEn)).ToList(), cells);
        return new FunnelReport(found, period, rows, CohortRows(cohorts, stages.Select(s => s.Id).ToList()));
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
    public async Task<List<FunnelCell>> CellsAsync(FunnelUnits units, DateRange? range, CancellationToken ct = default) =>
        (await FactsAsync(units, range, ct)).Cells;

    /// <summary>
    /// The funnel's cells in the range (null = all time) and, for a range, the cohort counts of its quarters; the days of
    /// partial first and last months from the detail rows.
    /// </summary>
    private async Task<(List<FunnelCell> Cells, List<CohortCell> Cohorts)> FactsAsync(FunnelUnits units, DateRange? range, CancellationToken ct)
    {
        var (first, last) = range is null ? (0, 999999) : LedgerQueries.WholeMonths(range);
        var (from, to) = range is null ? (1, 0) : (FunnelLines.Quarter(range.Start), FunnelLines.Quarter(range.End.AddTicks(-1)));
        var (cells, cohorts) = units.Rollup is (var kind, var ids)
            ? await RollupFactsAsync(kind, ids, first, last, from, to, ct)
            : await SummaryFactsAsync(units.Apply(db.FunnelSummaries.AsNoTracking()), first, last, from, to, ct);
        if (range is not null)
        {
            cells.AddRange((await EdgeLinesAsync(range, first, last, ct)).Where(units.Matches)
                .Select(l => new FunnelCell(l.Kind, l.StageId, l.Detail, l.Projects, l.PlannedInvestmentWan)));
        }

        return (cells, cohorts);
    }

    private static List<CohortRow> CohortRows(List<CohortCell> cells, List<int> stageIds) =>
        cells.GroupBy(c => c.Cohort).OrderBy(g => g.Key)
            .Select(g =>
            {
                var reached = stageIds.Select(id => g.Where(c => c.StageId == id).Sum(c => c.Projects)).ToList();
                return new CohortRow(g.Key, reached.Count == 0 ? 0 : reached[0], reached);
            })
            .ToList();

    /// <summary>
    /// The roll-up rows of one kind of unit, cells and cohorts in one statement (one round trip, where LINQ needed two
    /// grouped queries). The kind of unit, ids, months and quarters are integers written into the text: PostgreSQL's
    /// generic plan for parameters guessed a few rows for any month range and sorted the whole plan's rows (2.7 ms
    /// against 1.1 planned for the values).
    /// </summary>
    private async Task<(List<FunnelCell>, List<CohortCell>)> RollupFactsAsync(
        RollupUnit kind, IReadOnlyList<int>? ids, int first, int last, int from, int to, CancellationToken ct)
    {
        // The whole plan's rows have unit 0: naming it keeps the index's first two columns in use. Without it SQLite,
        // once ANALYZE has counted the table, skip-scanned every unit's months (14 ms at a million projects, against 2.5).
        var units = FormattableString.Invariant($"\"UnitKind\" = {(int)kind} AND ")
            + (ids is null ? "\"UnitId\" = 0" : $"\"UnitId\" IN ({string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
        var sql = FormattableString.Invariant($"""
            SELECT "Kind", "StageId", "Detail", 0 AS "Cohort", CAST(SUM("Projects") AS BIGINT) AS "Projects",
                CAST(SUM("PlannedInvestmentWan") AS BIGINT) AS "PlannedInvestmentWan"
            FROM "FunnelRollups" WHERE {units} AND "Kind" <> {(int)FunnelKind.Cohort} AND "Month" >= {first} AND "Month" <= {last}
            GROUP BY "Kind", "StageId", "Detail"
            UNION ALL
            SELECT {(int)FunnelKind.Cohort}, "StageId", 0, "Cohort", CAST(SUM("Projects") AS BIGINT), 0
            FROM "FunnelRollups" WHERE {units} AND "Kind" = {(int)FunnelKind.Cohort} AND "Cohort" >= {from} AND "Cohort" <= {to}
            GROUP BY "StageId", "Cohort"
            """);
        var rows = await db.Database.SqlQueryRaw<FactRow>(sql).ToListAsync(ct);
        return (rows.Where(r => r.Kind != (int)FunnelKind.Cohort)
                .Select(r => new FunnelCell((FunnelKind)r.Kind, r.StageId, r.Detail, r.Projects, r.PlannedInvestmentWan)).ToList(),
            rows.Where(r => r.Kind == (int)FunnelKind.Cohort).Select(r => new CohortCell(r.Cohort, r.StageId, r.Projects)).ToList());
    }

    /// <summary>
    /// The summaries, for filters naming more than one kind of unit (no roll-up answers those); months and quarters as
    /// constants, for the reason given above.
    /// </summary>
    private static async Task<(List<FunnelCell>, List<CohortCell>)> SummaryFactsAsync(
        IQueryable<FunnelSummary> rows, int first, int last, int from, int to, CancellationToken ct)
    {
        var cells = await rows.Where(s => s.Kind != FunnelKind.Cohort && s.Month >= EF.Constant(first) && s.Month <= EF.Constant(last))
            .GroupBy(s => new { s.Kind, s.StageId, s.Detail })
            .Select(g => new FunnelCell(g.Key.Kind, g.Key.StageId, g.Key.Detail, g.Sum(s => s.Projects), g.Sum(s => s.PlannedInvestmentWan)))
            .ToListAsync(ct);
        var cohorts = from > to ? [] : await rows.Where(s => s.Kind == FunnelKind.Cohort && s.Cohort >= EF.Constant(from) && s.Cohort <= EF.Constant(to))
            .GroupBy(s => new { s.Cohort, s.StageId })
            .Select(g => new CohortCell(g.Key.Cohort, g.Key.StageId, g.Sum(s => s.Projects)))
            .ToListAsync(ct);
        return (cells, cohorts);
    }

    private sealed record CohortCell(int Cohort, int StageId, long Projects);

    private sealed class FactRow
    {
        public int Kind { get; init; }
        public int StageId { get; init; }
        public int Detail { get; init; }
        public int Cohort { get; init; }
        public long Projects { get; init; }
        public long PlannedInvestmentWan { get; init; }
    }

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
