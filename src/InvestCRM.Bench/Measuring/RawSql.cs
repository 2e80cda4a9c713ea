using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace InvestCRM.Bench.Measuring;

/// <summary>
/// The floor: what each page must at least ask the database, as hand-written SQL (same filters, order and limits,
/// plus the counts a pager needs). Quoted identifiers and @parameters work on both PostgreSQL and SQLite.
/// </summary>
internal static class RawSql
{
    private const string ListColumns = """
        p."Id", p."Title", e."Name", p."StageId", p."Status", p."PlannedInvestmentWan", p."OwnerId", p."UpdatedAt", p."NextActionOn"
        """;

    public static readonly string List = $"""
        SELECT {ListColumns} FROM "Projects" p JOIN "Enterprises" e ON e."Id" = p."EnterpriseId"
        WHERE p."StageId" = @stage AND p."ChainId" = @chain ORDER BY p."UpdatedAt" DESC LIMIT {Scenarios.PageSize} OFFSET {Scenarios.PageSize * 2};
        SELECT SUM("Projects") / 10000 FROM "PipelineSummaries" WHERE "StageId" = @stage AND "ChainId" = @chain;
        """;

    public const string SearchCount = """
        SELECT COUNT(*) FROM "Projects" p JOIN "Enterprises" e ON e."Id" = p."EnterpriseId" WHERE p."Title" LIKE @q OR e."Name" LIKE @q
        """;

    public static readonly string Search = $"""
        SELECT {ListColumns} FROM "Projects" p JOIN "Enterprises" e ON e."Id" = p."EnterpriseId"
        WHERE p."Title" LIKE @q OR e."Name" LIKE @q ORDER BY p."UpdatedAt" DESC LIMIT {Scenarios.PageSize};
        {SearchCount};
        """;

    /// <summary>Active projects per stage (from the pipeline summary, as the page), and the newest few of each stage (one index range scan per stage).</summary>
    public static string Board(IReadOnlyList<int> stageIds) =>
        """SELECT "StageId", SUM("Projects") / 10000 FROM "PipelineSummaries" WHERE "Status" = 'Active' GROUP BY "StageId";""" + string.Concat(stageIds.Select(id => $"""
            SELECT p."Id", p."Title", e."Name", p."PlannedInvestmentWan", p."OwnerId", p."UpdatedAt" FROM "Projects" p
            JOIN "Enterprises" e ON e."Id" = p."EnterpriseId" WHERE p."StageId" = {id} AND p."Status" = 'Active'
            ORDER BY p."UpdatedAt" DESC LIMIT {Scenarios.BoardCardsPerStage};
            """));

    public const string ProjectPage = """
        SELECT p.*, e."Name", e."CreditCode", e."HqCity" FROM "Projects" p JOIN "Enterprises" e ON e."Id" = p."EnterpriseId" WHERE p."Id" = @id;
        SELECT c.*, s."NameZh" FROM "StageChanges" c JOIN "PipelineStages" s ON s."Id" = c."ToStageId" WHERE c."ProjectId" = @id ORDER BY c."At";
        SELECT a.* FROM "Activities" a WHERE a."ProjectId" = @id ORDER BY a."OccurredAt" DESC LIMIT 50;
        """;

    public const string QuickLog = """
        INSERT INTO "Activities" ("Type", "OccurredAt", "Summary", "FollowUpDone", "ProjectId", "EnterpriseId", "CreatedById", "CreatedAt")
        SELECT 'Call', @at, @summary, @done, p."Id", p."EnterpriseId", @user, @at FROM "Projects" p WHERE p."Id" = @id;
        UPDATE "Projects" SET "LastActivityAt" = @at, "UpdatedAt" = @at, "Version" = "Version" + 1 WHERE "Id" = @id;
        """;

    private const string DueColumns = """
        p."Id", p."Title", e."Name", s."NameZh", s."NameEn", p."NextActionOn", p."LastActivityAt", p."UpdatedAt"
        FROM "Projects" p JOIN "Enterprises" e ON e."Id" = p."EnterpriseId" JOIN "PipelineStages" s ON s."Id" = p."StageId"
        """;

    /// <summary>
    /// My work: open follow-ups due by today that the user logged or took part in (the author is a participant too, and
    /// each participant row carries its activity's follow-up, so one ordered range of the participant index finds them),
    /// projects whose next action is due, stale projects (never touched, or idle: two ordered ranges merged), recently
    /// changed projects. "FollowUpDone = @open" (false) rather than NOT: SQLite seeks an index only on the equality.
    /// </summary>
    public const string MyWork = $"""
        SELECT a."Id", a."Type", a."FollowUpOn", a."NextStep", a."Summary", a."ProjectId", p."Title", a."EnterpriseId", e."Name"
        FROM "ActivityParticipants" ap JOIN "Activities" a ON a."Id" = ap."ActivityId"
        LEFT JOIN "Projects" p ON p."Id" = a."ProjectId" LEFT JOIN "Enterprises" e ON e."Id" = a."EnterpriseId"
        WHERE ap."UserId" = @user AND ap."FollowUpDone" = @open AND ap."FollowUpOn" <= @today ORDER BY ap."FollowUpOn", ap."ActivityId" LIMIT 100;
        SELECT {DueColumns} WHERE p."OwnerId" = @user AND p."NextActionOn" <= @today AND p."Status" = 'Active' ORDER BY p."NextActionOn" LIMIT 100;
        SELECT * FROM (SELECT p."CreatedAt" AS "Since", {DueColumns} WHERE p."OwnerId" = @user AND p."Status" = 'Active' AND p."LastActivityAt" IS NULL
            AND p."CreatedAt" < @stale ORDER BY p."LastActivityAt", p."CreatedAt" LIMIT 100) never
        UNION ALL
        SELECT * FROM (SELECT p."LastActivityAt" AS "Since", {DueColumns} WHERE p."OwnerId" = @user AND p."Status" = 'Active'
            AND p."LastActivityAt" < @stale ORDER BY p."LastActivityAt" LIMIT 100) idle
        ORDER BY "Since" LIMIT 100;
        SELECT {DueColumns} WHERE p."OwnerId" = @user AND p."UpdatedAt" >= @recent ORDER BY p."UpdatedAt" DESC LIMIT 100;
        """;

    /// <summary>A timestamp as the app stores it: UTC ticks on SQLite (CrmDbContext.ConfigureConventions), timestamptz on PostgreSQL.</summary>
    public static object At(DbConnection connection, DateTimeOffset at) => connection is SqliteConnection ? at.UtcTicks : at;

    /// <summary>A date as the app stores it: ISO text on SQLite, date on PostgreSQL.</summary>
    public static object Day(DbConnection connection, DateOnly day) =>
        connection is SqliteConnection ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day;

    /// <summary>The funnel's floor: summing its summary rows per kind, stage and detail (what FunnelQueries reads).</summary>
    public const string Funnel = """
        SELECT "Kind", "StageId", "Detail", SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelSummaries"
        WHERE "Kind" <> 4 GROUP BY "Kind", "StageId", "Detail"
        """;

    public const string FunnelChain = """
        SELECT "Kind", "StageId", "Detail", SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelSummaries"
        WHERE "Kind" <> 4 AND "ChainId" = @chain GROUP BY "Kind", "StageId", "Detail"
        """;

    /// <summary>Runs the command and reads every value of every result, as a page would.</summary>
    public static async Task<int> ReadAllAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = ScenarioData.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
            }
        }
        while (await reader.NextResultAsync());

        return 200;
    }

    public static async Task<int> WriteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = ScenarioData.Command(connection, sql, parameters);
        command.Transaction = transaction;
        var rows = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows == 2 ? 200 : 404;
    }
}
