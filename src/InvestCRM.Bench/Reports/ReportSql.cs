using System.Globalization;
using InvestCRM.Data;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;

namespace InvestCRM.Bench.Reports;

/// <summary>One number a report shows: a metric summed over the projects counted at one stage, in one range, for some units.</summary>
internal sealed record Figure(int StageId, DateRange Range, TargetScope Scope, IReadOnlyList<int> Units, TargetMetric Metric);

/// <summary>
/// Hand-written SQL for report figures, two ways: from the summary tables and their roll-ups (the floor a page is held to) and the naive
/// way, aggregating the detail rows (StageReached joined to Projects) on every view. Every figure of a page is one
/// conditional SUM of a single pass over the rows of its stages and months. Values are inlined: they are numbers.
/// </summary>
internal sealed class ReportSql(DatabaseProvider provider, CreditRule rule)
{
    private const string DetailFrom = """FROM "StageReached" r JOIN "Projects" p ON p."Id" = r."ProjectId" """;

    /// <summary>The figures from LedgerRollups: whole months only (every target of the demo plan covers whole months).</summary>
    public string SummaryFigures(IReadOnlyList<Figure> figures)
    {
        var sums = figures.Select(f =>
        {
            var (first, last) = WholeMonths(f.Range);
            return $"SUM(CASE WHEN s.\"StageId\" = {f.StageId} AND s.\"Month\" BETWEEN {first} AND {last} AND {SummaryUnit(f)} THEN {SummaryMeasure(f)} ELSE 0 END)";
        });
        var months = figures.Select(f => WholeMonths(f.Range)).ToList();
        return $"""
            SELECT {string.Join(",\n  ", sums)}
            FROM "LedgerRollups" s WHERE s."StageId" IN ({Ids(figures.Select(f => f.StageId))}) AND s."UnitKind2" = {(int)RollupUnit.All}
              AND s."Month" BETWEEN {months.Min(m => m.First)} AND {months.Max(m => m.Last)}
            """;
    }

    /// <summary>The same figures from the first reaches and the projects' current figures.</summary>
    public string DetailFigures(IReadOnlyList<Figure> figures)
    {
        var sums = figures.Select(f =>
            $"SUM(CASE WHEN r.\"StageId\" = {f.StageId} AND {InRange("r.\"FirstReachedAt\"", f.Range)} AND {DetailUnit(f.Scope, f.Units)} THEN {DetailMeasure(f.Metric)} ELSE 0 END)");
        return $"""
            SELECT {string.Join(",\n  ", sums)}
            {DetailFrom} WHERE r."StageId" IN ({Ids(figures.Select(f => f.StageId))})
              AND r."FirstReachedAt" >= {At(figures.Min(f => f.Range.Start))} AND r."FirstReachedAt" < {At(figures.Max(f => f.Range.End))}
            """;
    }

    /// <summary>Projects counted and investment per month (yyyyMM, China time) at one stage, optionally for some parks (primary credit).</summary>
    public static string SummaryMonthly(int stageId, DateRange range, IReadOnlyList<int>? parks)
    {
        var (first, last) = WholeMonths(range);
        return $"""
            SELECT s."Month", SUM(s."Projects"), SUM(s."InvestmentWan") FROM "LedgerRollups" s
            WHERE s."StageId" = {stageId} AND s."Month" BETWEEN {first} AND {last} AND s."Role" = 0 AND {RollupUnits(RollupUnit.Park, parks)}
            GROUP BY s."Month" ORDER BY s."Month"
            """;
    }

    /// <summary>
    /// The dashboard's other sections as it reads them: the top teams and incubators (single roll-up rows; with parks, the
    /// park × team and park × incubator pair rows), the open pipeline by stage, and the stalled projects (the
    /// ten longest from two index ranges, the count as active less fresh).
    /// </summary>
    public string SummaryDashboardRest(int stageId, DateRange range, IReadOnlyList<int>? parks, DateTimeOffset staleCutoff)
    {
        var (first, last) = WholeMonths(range);
        var months = $"\"StageId\" = {stageId} AND \"Month\" BETWEEN {first} AND {last} AND \"Role\" = 0";
        string Top(RollupUnit kind) => parks is null
            ? $"""SELECT "UnitId", SUM("Projects"), SUM("InvestmentWan") FROM "LedgerRollups" WHERE {months} AND "UnitKind" = {(int)kind} AND "UnitKind2" = 0 GROUP BY "UnitId" """
            : $"""SELECT "UnitId2", SUM("Projects"), SUM("InvestmentWan") FROM "LedgerRollups" WHERE {months} AND "UnitKind" = {(int)RollupUnit.Park} AND "UnitId" IN ({Ids(parks)}) AND "UnitKind2" = {(int)kind} GROUP BY "UnitId2" """;
        var park = parks is null ? "" : $" AND \"ParkId\" IN ({Ids(parks)})";
        var cutoff = At(staleCutoff);
        var stalled = $"""SELECT p."Id", p."Title", e."Name", p."StageId" FROM "Projects" p JOIN "Enterprises" e ON e."Id" = p."EnterpriseId" WHERE p."Status" = 'Active'{park}""";
        return string.Join(";\n",
            Top(RollupUnit.Team), Top(RollupUnit.Incubator),
            $"""SELECT "StageId", "Status", SUM("Projects"), SUM("InvestmentWan") FROM "PipelineSummaries" WHERE "Status" IN ('Active', 'OnHold'){park} GROUP BY "StageId", "Status" """,
            $"""{stalled} AND p."LastActivityAt" IS NULL AND p."CreatedAt" < {cutoff} ORDER BY p."LastActivityAt", p."CreatedAt", p."Id" LIMIT 10""",
            $"""{stalled} AND p."LastActivityAt" < {cutoff} ORDER BY p."LastActivityAt", p."CreatedAt", p."Id" LIMIT 10""",
            $"""SELECT SUM("Projects") FROM "PipelineSummaries" WHERE "Status" = 'Active'{park}""",
            $"""SELECT COUNT(*) FROM "Projects" WHERE "Status" = 'Active'{park} AND "LastActivityAt" >= {cutoff}""",
            $"""SELECT COUNT(*) FROM "Projects" WHERE "Status" = 'Active'{park} AND "LastActivityAt" IS NULL AND "CreatedAt" >= {cutoff}""");
    }

    /// <summary>Single roll-up rows of a kind's units (all units: the whole plan's rows); the ledger's also have pair columns.</summary>
    private static string RollupUnits(RollupUnit kind, IReadOnlyList<int>? ids, bool ledger = true) =>
        (ids is null ? $"s.\"UnitKind\" = {(int)RollupUnit.All} AND s.\"UnitId\" = 0" : $"s.\"UnitKind\" = {(int)kind} AND s.\"UnitId\" IN ({Ids(ids)})")
        + (ledger ? $" AND s.\"UnitKind2\" = {(int)RollupUnit.All}" : "");

    public string DetailMonthly(int stageId, DateRange range, IReadOnlyList<int>? parks) => $"""
        SELECT {LedgerLineSql.ChinaMonth(provider, "r.\"FirstReachedAt\"")} AS m, COUNT(*), SUM({DetailMeasure(TargetMetric.InvestmentWan)})
        {DetailFrom} WHERE r."StageId" = {stageId} AND {InRange("r.\"FirstReachedAt\"", range)}{(parks is null ? "" : $" AND p.\"ParkId\" IN ({Ids(parks)})")}
        GROUP BY m ORDER BY m
        """;

    /// <summary>
    /// The funnel from its roll-ups, as FunnelQueries reads them: reached, stays and drops per stage, detail and kind in
    /// the range's whole months, and the cohorts (creation quarter × stage) of the range's quarters.
    /// </summary>
    public static string SummaryFunnel(DateRange range, IReadOnlyList<int>? parks)
    {
        var (first, last) = WholeMonths(range);
        var (from, to) = (FunnelLines.Quarter(range.Start), FunnelLines.Quarter(range.End.AddTicks(-1)));
        var units = RollupUnits(RollupUnit.Park, parks, ledger: false);
        return $"""
            SELECT "Kind", "StageId", "Detail", SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelRollups" s
            WHERE {units} AND "Kind" <> {(int)FunnelKind.Cohort} AND "Month" >= {first} AND "Month" <= {last} GROUP BY "Kind", "StageId", "Detail";
            SELECT "Cohort", "StageId", SUM("Projects") FROM "FunnelRollups" s
            WHERE {units} AND "Kind" = {(int)FunnelKind.Cohort} AND "Cohort" >= {from} AND "Cohort" <= {to} GROUP BY "Cohort", "StageId"
            """;
    }

    /// <summary>The funnel the naive way: projects first reaching each stage in the range.</summary>
    public string DetailFunnel(DateRange range, IReadOnlyList<int>? parks) => $"""
        SELECT r."StageId", COUNT(*) {DetailFrom}
        WHERE {InRange("r.\"FirstReachedAt\"", range)}{(parks is null ? "" : $" AND p.\"ParkId\" IN ({Ids(parks)})")}
        GROUP BY r."StageId"
        """;

    /// <summary>A ledger page: how many entries the figure counts and the newest 50 with their project titles.</summary>
    public string LedgerEntries(int stageId, DateRange range) => $"""
        SELECT COUNT(*) FROM "LedgerEntries" e WHERE e."StageId" = {stageId} AND {InRange("e.\"CountedAt\"", range)};
        SELECT e."Id", e."ProjectId", p."Title", e."CountedAt", e."IsExpansion", e."InvestmentWan", e."OutputValueWan", e."TaxWan", e."LandMu",
            e."ReversedAt", e."ReversedReason"
        FROM "LedgerEntries" e JOIN "Projects" p ON p."Id" = e."ProjectId"
        WHERE e."StageId" = {stageId} AND {InRange("e.\"CountedAt\"", range)} ORDER BY e."CountedAt" DESC, e."Id" DESC LIMIT 50
        """;

    public string DetailLedgerEntries(int stageId, DateRange range) => $"""
        SELECT COUNT(*) FROM "StageReached" r WHERE r."StageId" = {stageId} AND {InRange("r.\"FirstReachedAt\"", range)};
        SELECT r."ProjectId", p."Title", r."FirstReachedAt", p."IsExpansion", p."SignedAmountWan", p."PlannedInvestmentWan", p."ExpectedOutputWan",
            p."ExpectedTaxWan", p."LandMu"
        {DetailFrom} WHERE r."StageId" = {stageId} AND {InRange("r.\"FirstReachedAt\"", range)} ORDER BY r."FirstReachedAt" DESC LIMIT 50
        """;

    public static string Targets(int planId) => $"""SELECT * FROM "PlanTargets" WHERE "PlanId" = {planId}""";

    /// <summary>The units of a summary line a figure takes, as LedgerQueries.Filter: chains count primary credit only.</summary>
    private static string SummaryUnit(Figure f) => f.Scope switch
    {
        TargetScope.Park => RollupUnits(RollupUnit.Park, f.Units),
        TargetScope.Team => RollupUnits(RollupUnit.Team, f.Units),
        TargetScope.Incubator => RollupUnits(RollupUnit.Incubator, f.Units),
        TargetScope.Chain => $"s.\"Role\" = 0 AND {RollupUnits(RollupUnit.Chain, f.Units)}",
        TargetScope.ChainNode => $"s.\"Role\" = 0 AND {RollupUnits(RollupUnit.ChainNode, f.Units)}",
        _ => $"s.\"Role\" = 0 AND {RollupUnits(RollupUnit.All, null)}",
    };

    /// <summary>Split credit takes the weighted measures of secondary lines and of primary lines split on the same kind of unit (LedgerScope.UsesShare).</summary>
    private string SummaryMeasure(Figure f)
    {
        var column = f.Metric switch
        {
            TargetMetric.EnterprisesIntroduced => "Enterprises",
            TargetMetric.ProjectsIntroduced => "Projects",
            TargetMetric.IncubatedProjects => "Incubated",
            var money => money.ToString(),
        };
        return rule == CreditRule.Split
            ? $"CASE WHEN s.\"Role\" = 1 OR s.\"SplitScope\" = {(int)f.Scope + 1} THEN s.\"Shared{column}\" ELSE s.\"{column}\" END"
            : $"s.\"{column}\"";
    }

    private static string DetailUnit(TargetScope scope, IReadOnlyList<int> units) => scope switch
    {
        TargetScope.Park => $"p.\"ParkId\" IN ({Ids(units)})",
        TargetScope.Team => $"p.\"TeamId\" IN ({Ids(units)})",
        TargetScope.Incubator => $"p.\"IncubatorId\" IN ({Ids(units)})",
        TargetScope.Chain => $"p.\"ChainId\" IN ({Ids(units)})",
        TargetScope.ChainNode => $"p.\"ChainNodeId\" IN ({Ids(units)})",
        _ => "1 = 1",
    };

    /// <summary>What LedgerLine.Snapshot would count for the project today.</summary>
    private static string DetailMeasure(TargetMetric metric) => metric switch
    {
        TargetMetric.EnterprisesIntroduced => "CASE WHEN p.\"IsExpansion\" THEN 0 ELSE 1 END",
        TargetMetric.ProjectsIntroduced => "1",
        TargetMetric.IncubatedProjects => "CASE WHEN p.\"IncubatorId\" IS NULL THEN 0 ELSE 1 END",
        TargetMetric.InvestmentWan => "CASE WHEN p.\"IsExpansion\" THEN COALESCE(p.\"ExpansionIncrementWan\", 0) ELSE COALESCE(p.\"SignedAmountWan\", p.\"PlannedInvestmentWan\", 0) END",
        TargetMetric.OutputValueWan => "COALESCE(p.\"ExpectedOutputWan\", 0)",
        TargetMetric.TaxWan => "COALESCE(p.\"ExpectedTaxWan\", 0)",
        _ => "COALESCE(p.\"LandMu\", 0)",
    };

    private string InRange(string column, DateRange range) => $"{column} >= {At(range.Start)} AND {column} < {At(range.End)}";

    /// <summary>A timestamp as the app stores it: timestamptz on PostgreSQL, UTC ticks on SQLite.</summary>
    private string At(DateTimeOffset at) => provider == DatabaseProvider.Postgres
        ? $"TIMESTAMPTZ '{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}+00'"
        : at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static string Ids(IEnumerable<int> ids) => string.Join(", ", ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The months entirely inside the range, as yyyyMM (LedgerQueries.WholeMonths).</summary>
    public static (int First, int Last) WholeMonths(DateRange range)
    {
        var first = range.From.Day == 1 ? range.From : new DateOnly(range.From.Year, range.From.Month, 1).AddMonths(1);
        var last = new DateOnly(range.To.Year, range.To.Month, 1).AddMonths(-1);
        return first > last ? (1, 0) : (first.Year * 100 + first.Month, last.Year * 100 + last.Month);
    }
}
