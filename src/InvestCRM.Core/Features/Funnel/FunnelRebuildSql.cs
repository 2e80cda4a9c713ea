using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Funnel;

/// <summary>
/// The rules of <see cref="FunnelLines"/> as one INSERT … SELECT per provider, so a rebuild after a bulk load of a
/// million projects runs inside the database instead of row by row in C#. SQLite keeps instants as UTC ticks and
/// decimals as text (see CrmDbContext); PostgreSQL has timestamptz and numeric. Both use fixed China time (+8 h).
/// </summary>
public static class FunnelRebuildSql
{
    private const string Units = "COALESCE(p.\"ParkId\", 0), COALESCE(p.\"TeamId\", 0), COALESCE(p.\"IncubatorId\", 0), COALESCE(p.\"ChainId\", 0)";

    public static string For(bool sqlite)
    {
        var columns = string.Join(", ", FunnelSummary.GrainColumns.Concat(FunnelSummary.MeasureColumns).Select(FunnelSummaryWriter.Quote));
        return $"""
            INSERT INTO "FunnelSummaries" ({columns})
            SELECT kind, stage, month, cohort, detail, park, team, incubator, chain, SUM(n), SUM(amount) FROM (
              SELECT {(int)FunnelKind.Reached} AS kind, r."StageId" AS stage, {Month(sqlite, "r.\"FirstReachedAt\"")} AS month, 0 AS cohort, 0 AS detail,
                COALESCE(p."ParkId", 0) AS park, COALESCE(p."TeamId", 0) AS team, COALESCE(p."IncubatorId", 0) AS incubator,
                COALESCE(p."ChainId", 0) AS chain, 1 AS n, {Investment(sqlite)} AS amount
              FROM "StageReached" r JOIN "Projects" p ON p."Id" = r."ProjectId"
              UNION ALL
              SELECT {(int)FunnelKind.Cohort}, r."StageId", 0, {Quarter(sqlite, "p.\"CreatedAt\"")}, 0, {Units}, 1, 0
              FROM "StageReached" r JOIN "Projects" p ON p."Id" = r."ProjectId"
              UNION ALL
              SELECT {(int)FunnelKind.Stay}, m."ToStageId", {Month(sqlite, "m.\"ExitAt\"")}, 0, {Bucket(Days(sqlite, "m.\"At\"", "m.\"ExitAt\""))}, {Units}, 1, 0
              FROM (SELECT c."ProjectId", c."ToStageId", c."At",
                      LEAD(c."At") OVER (PARTITION BY c."ProjectId" ORDER BY c."At", c."Id") AS "ExitAt"
                    FROM "StageChanges" c WHERE c."FromStageId" IS NULL OR c."FromStageId" <> c."ToStageId") m
              JOIN "Projects" p ON p."Id" = m."ProjectId"
              WHERE m."ExitAt" IS NOT NULL
              UNION ALL
              SELECT {(int)FunnelKind.Drop}, d."ToStageId", {Month(sqlite, "d.\"At\"")}, 0, {Reason()}, {Units}, 1, 0
              FROM (SELECT c."ProjectId", c."ToStageId", c."At",
                      ROW_NUMBER() OVER (PARTITION BY c."ProjectId" ORDER BY c."At" DESC, c."Id" DESC) AS rn
                    FROM "StageChanges" c WHERE c."ToStatus" = '{ProjectStatus.Dropped}') d
              JOIN "Projects" p ON p."Id" = d."ProjectId"
              WHERE d.rn = 1 AND p."Status" = '{ProjectStatus.Dropped}'
            ) x
            GROUP BY kind, stage, month, cohort, detail, park, team, incubator, chain
            """;
    }

    private static string UnixSeconds(string ticks) => $"(({ticks} - 621355968000000000) / 10000000)";

    private static string ChinaTime(string instant) => $"(({instant} AT TIME ZONE 'UTC') + INTERVAL '8 hours')";

    private static string Month(bool sqlite, string instant) => sqlite
        ? $"CAST(strftime('%Y%m', {UnixSeconds(instant)}, 'unixepoch', '+8 hours') AS INTEGER)"
        : $"CAST(to_char({ChinaTime(instant)}, 'YYYYMM') AS integer)";

    private static string Quarter(bool sqlite, string instant) => sqlite
        ? $"(CAST(strftime('%Y', {UnixSeconds(instant)}, 'unixepoch', '+8 hours') AS INTEGER) * 10 + (CAST(strftime('%m', {UnixSeconds(instant)}, 'unixepoch', '+8 hours') AS INTEGER) + 2) / 3)"
        : $"(CAST(EXTRACT(YEAR FROM {ChinaTime(instant)}) AS integer) * 10 + CAST(EXTRACT(QUARTER FROM {ChinaTime(instant)}) AS integer))";

    /// <summary>Whole days between two instants, rounded down like the C# tick division.</summary>
    private static string Days(bool sqlite, string from, string to) => sqlite
        ? $"(({to} - {from}) / {TimeSpan.TicksPerDay})"
        : $"CAST(FLOOR(EXTRACT(EPOCH FROM ({to} - {from})) / 86400) AS bigint)";

    private static string Investment(bool sqlite) => sqlite
        ? $"CAST(ROUND(COALESCE(CAST(p.\"PlannedInvestmentWan\" AS REAL), 0) * {FunnelSummary.Scale}) AS INTEGER)"
        : $"CAST(ROUND(COALESCE(p.\"PlannedInvestmentWan\", 0) * {FunnelSummary.Scale}) AS bigint)";

    private static string Bucket(string days)
    {
        var bounds = StayBuckets.UpperDays;
        var cases = string.Join(" ", bounds.Take(bounds.Length - 1).Select((upper, i) => $"WHEN {days} <= {upper} THEN {i}"));
        return $"CASE {cases} ELSE {bounds.Length - 1} END";
    }

    /// <summary>Enums are stored by name; a drop recorded before categories existed counts as "other".</summary>
    private static string Reason()
    {
        var cases = string.Join(" ", Enum.GetValues<DropReason>().Select(r => $"WHEN '{r}' THEN {(int)r}"));
        return $"CASE p.\"DropReason\" {cases} ELSE {(int)DropReason.Other} END";
    }
}
