using InvestCRM.Bench.Loading;
using InvestCRM.Bench.Measuring;
using InvestCRM.Data;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Targets;

namespace InvestCRM.Bench.Reports;

/// <summary>
/// Set-based equivalents of <see cref="LedgerMaintenance.BackfillAsync"/> and <see cref="LedgerMaintenance.RebuildAsync"/>,
/// which read and write row by row through EF (minutes at a million projects). Each is one INSERT … SELECT
/// that follows <see cref="LedgerLine.Snapshot"/> and <see cref="LedgerLine.Lines"/> exactly; the load ends with
/// LedgerMaintenance.VerifyAsync, so any drift from those definitions fails the load.
/// </summary>
internal static class LedgerBulk
{
    /// <summary>Stages at which something counts (LedgerService.CountingStageIdsAsync).</summary>
    private const string CountingStages = """
        SELECT "Id" FROM "PipelineStages" WHERE "CountsAsIntroduced"
        UNION SELECT "CountingStageId" FROM "PlanTargets" WHERE "CountingStageId" IS NOT NULL
        """;

    /// <summary>An entry for every first reach of a counting stage that has none yet, with the project's current figures.</summary>
    public const string Backfill = $"""
        INSERT INTO "LedgerEntries" ("ProjectId", "StageId", "CountedAt", "IsExpansion", "IsIncubated", "InvestmentWan", "OutputValueWan",
            "TaxWan", "LandMu", "ParkId", "TeamId", "IncubatorId", "ChainId", "ChainNodeId", "SecondaryScope", "SecondaryId", "SecondarySharePercent")
        SELECT r."ProjectId", r."StageId", r."FirstReachedAt", p."IsExpansion", p."IncubatorId" IS NOT NULL,
            CASE WHEN p."IsExpansion" THEN COALESCE(p."ExpansionIncrementWan", 0) ELSE COALESCE(p."SignedAmountWan", p."PlannedInvestmentWan", 0) END,
            COALESCE(p."ExpectedOutputWan", 0), COALESCE(p."ExpectedTaxWan", 0), COALESCE(p."LandMu", 0),
            p."ParkId", p."TeamId", p."IncubatorId", p."ChainId", p."ChainNodeId",
            CASE WHEN p."SecondaryCreditId" IS NULL THEN NULL ELSE p."SecondaryCreditScope" END,
            CASE WHEN p."SecondaryCreditScope" IS NULL THEN NULL ELSE p."SecondaryCreditId" END,
            CASE WHEN p."SecondaryCreditScope" IS NULL OR p."SecondaryCreditId" IS NULL THEN 0 ELSE COALESCE(p."SecondaryCreditPercent", 50) END
        FROM "StageReached" r JOIN "Projects" p ON p."Id" = r."ProjectId"
        WHERE r."StageId" IN ({CountingStages})
          AND NOT EXISTS (SELECT 1 FROM "LedgerEntries" e WHERE e."ProjectId" = r."ProjectId" AND e."StageId" = r."StageId")
        """;

    public static Task<int> BackfillAsync(BenchDatabase db) => ExecuteAsync(db, Backfill);

    /// <summary>Replaces the summaries with the ledger's totals: a primary line per entry, a secondary line per shared entry.</summary>
    public static Task<int> RebuildSummariesAsync(BenchDatabase db) => ExecuteAsync(db, RebuildSql(db.Provider));

    public static string RebuildSql(DatabaseProvider provider)
    {
        var sql = new LedgerLineSql(provider);
        var grain = string.Join(", ", LedgerSummary.GrainColumns.Select(c => $"\"{c}\""));
        var measures = string.Join(", ", LedgerSummary.MeasureColumns.Select(c => $"\"{c}\""));
        var sums = string.Join(", ", LedgerSummary.MeasureColumns.Select(c => $"SUM(\"{c}\")"));
        return $"""
            DELETE FROM "LedgerSummaries";
            INSERT INTO "LedgerSummaries" ({grain}, {measures})
            SELECT {grain}, {sums} FROM (
                SELECT {sql.Primary} FROM "LedgerEntries" e WHERE e."ReversedAt" IS NULL
                UNION ALL
                SELECT {sql.Secondary} FROM "LedgerEntries" e
                WHERE e."ReversedAt" IS NULL AND e."SecondaryScope" IS NOT NULL AND e."SecondaryId" IS NOT NULL
            ) l GROUP BY {grain};
            """;
    }

    private static async Task<int> ExecuteAsync(BenchDatabase db, string sql)
    {
        await using var connection = await ScenarioData.OpenAsync(db.Provider, db.ConnectionString);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = ScenarioData.Command(connection, sql);
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        var rows = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }
}

/// <summary>The columns of one summary line of an entry <c>e</c>, as SQL of one provider (see LedgerLine.Lines).</summary>
internal sealed class LedgerLineSql(DatabaseProvider provider)
{
    private string Month => ChinaMonth(provider, "e.\"CountedAt\"");

    /// <summary>yyyyMM of a timestamp in China Standard Time (UTC+8, no daylight saving), from UTC ticks or timestamptz.</summary>
    public static string ChinaMonth(DatabaseProvider provider, string column) => provider == DatabaseProvider.Postgres
        ? $"CAST(to_char(({column} AT TIME ZONE 'UTC') + INTERVAL '8 hours', 'YYYYMM') AS integer)"
        : $"CAST(strftime('%Y%m', ({column} - 621355968000000000) / 10000000 + 28800, 'unixepoch') AS INTEGER)";

    /// <summary>The kind of unit a shared entry splits with, as LedgerLine stores it: the scope's number + 1.</summary>
    private static string SplitScope => "CASE e.\"SecondaryScope\" " +
        string.Concat(Enum.GetValues<TargetScope>().Select(s => $"WHEN '{s}' THEN {(int)s + 1} ")) + "ELSE 0 END";

    private const string PrimaryPercent = """(100 - CASE WHEN e."SecondaryScope" IS NULL THEN 0 ELSE e."SecondarySharePercent" END)""";
    private const string SecondaryPercent = """e."SecondarySharePercent" """;

    public string Primary => $"""
        e."StageId", {Month} AS "Month", COALESCE(e."ParkId", 0) AS "ParkId", COALESCE(e."TeamId", 0) AS "TeamId",
        COALESCE(e."IncubatorId", 0) AS "IncubatorId", COALESCE(e."ChainId", 0) AS "ChainId", COALESCE(e."ChainNodeId", 0) AS "ChainNodeId",
        {(int)CreditRole.Primary} AS "Role", {SplitScope} AS "SplitScope", {Measures(PrimaryPercent)}
        """;

    public string Secondary => $"""
        e."StageId", {Month} AS "Month", {Unit(TargetScope.Park)} AS "ParkId", {Unit(TargetScope.Team)} AS "TeamId",
        {Unit(TargetScope.Incubator)} AS "IncubatorId", 0 AS "ChainId", 0 AS "ChainNodeId",
        {(int)CreditRole.Secondary} AS "Role", 0 AS "SplitScope", {Measures(SecondaryPercent)}
        """;

    private static string Unit(TargetScope scope) => $"CASE WHEN e.\"SecondaryScope\" = '{scope}' THEN e.\"SecondaryId\" ELSE 0 END";

    /// <summary>Full measures, then the same weighted by <paramref name="percent"/>, each in ten-thousandths rounded half away from zero.</summary>
    private string Measures(string percent)
    {
        const string enterprise = "CASE WHEN e.\"IsExpansion\" THEN 0 ELSE 1 END";
        const string incubated = "CASE WHEN e.\"IsIncubated\" THEN 1 ELSE 0 END";
        string[] amounts = ["e.\"InvestmentWan\"", "e.\"OutputValueWan\"", "e.\"TaxWan\"", "e.\"LandMu\""];
        var full = new[] { "1", enterprise, incubated }.Select(c => $"{LedgerSummary.Scale} * {c}")
            .Concat(amounts.Select(a => Scaled(a, "100")));
        var shared = new[] { "1", enterprise, incubated }.Concat(amounts).Select(a => Scaled(a, percent));
        return string.Join(", ", full.Concat(shared).Select((value, i) => $"{value} AS \"{LedgerSummary.MeasureColumns[i]}\""));
    }

    /// <summary>round(value × percent / 100 × 10,000): exact numeric on PostgreSQL; on SQLite the stored text as a double.</summary>
    private string Scaled(string value, string percent) => provider == DatabaseProvider.Postgres
        ? $"CAST(ROUND(({value}) * {percent} * 100) AS bigint)"
        : $"CAST(ROUND(CAST(({value}) AS REAL) * CAST({percent} AS REAL) * 100) AS INTEGER)";
}
