using System.Data.Common;
using InvestCRM.Bench.Loading;
using InvestCRM.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InvestCRM.Bench.Measuring;

/// <summary>Keys and terms the scenarios use, read from the loaded database so every request hits real rows.</summary>
internal sealed record ScenarioData(int StageId, int ChainId, int ListMatches, int MinProjectId, int MaxProjectId,
    IReadOnlyList<int> StageIds, string UserId, string RareTerm, int RareMatches, string RareLongTerm, int RareLongMatches, int[] EnterpriseOf)
{
    public int RandomProject(Random random) => random.Next(MinProjectId, MaxProjectId + 1);

    /// <summary>The enterprise of a project, for forms that post both.</summary>
    public int EnterpriseOfProject(int projectId) => EnterpriseOf[projectId - MinProjectId];

    public static async Task<ScenarioData> LoadAsync(BenchDatabase db)
    {
        await using var connection = await OpenAsync(db.Provider, db.ConnectionString);
        // The busiest stage-and-chain pair, so that page 3 of the filtered list exists.
        var pair = await RowAsync(connection, """SELECT "StageId", "ChainId", COUNT(*) FROM "Projects" GROUP BY "StageId", "ChainId" ORDER BY COUNT(*) DESC LIMIT 1""");
        var range = await RowAsync(connection, """SELECT MIN("Id"), MAX("Id") FROM "Projects" """);
        var stages = new List<int>();
        await ForEachRowAsync(connection, """SELECT "Id" FROM "PipelineStages" ORDER BY "Order" """, r => stages.Add(r.GetInt32(0)));
        var enterpriseOf = new int[Convert.ToInt32(range[1]) - Convert.ToInt32(range[0]) + 1];
        await ForEachRowAsync(connection, """SELECT "Id", "EnterpriseId" FROM "Projects" """,
            r => enterpriseOf[r.GetInt32(0) - Convert.ToInt32(range[0])] = r.GetInt32(1));

        var user = await RowAsync(connection, $"""SELECT "Id" FROM "AspNetUsers" WHERE "Email" = '{Scenarios.Email}'""");
        var rare = Scenarios.RareTerms.Select(term => (term, count: CountMatches(connection, term))).ToList();
        // Two-character terms (most Chinese words) cannot use a trigram index; three or more can: measure one of each.
        var (rareTerm, rareMatches) = Rarest(rare.Where(r => r.term.Length == 2).ToList());
        var (rareLongTerm, rareLongMatches) = Rarest(rare.Where(r => r.term.Length >= 3).ToList());
        return new ScenarioData(Convert.ToInt32(pair[0]), Convert.ToInt32(pair[1]), Convert.ToInt32(pair[2]),
            Convert.ToInt32(range[0]), Convert.ToInt32(range[1]), stages, (string)user[0], rareTerm, rareMatches, rareLongTerm, rareLongMatches, enterpriseOf);
    }

    private static (string Term, int Count) Rarest(IReadOnlyList<(string term, int count)> terms) =>
        terms.Where(r => r.count > 0).DefaultIfEmpty(terms[0]).OrderBy(r => r.count).First();

    public static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            // The same per-connection settings the app uses (DatabaseSetup.SqlitePragmas).
            await using var pragmas = Command(connection, "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
            await pragmas.ExecuteNonQueryAsync();
        }

        return connection;
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 120;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ForEachRowAsync(DbConnection connection, string sql, Action<DbDataReader> read)
    {
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read(reader);
        }
    }

    private static int CountMatches(DbConnection connection, string term)
    {
        using var command = Command(connection, RawSql.SearchCount, ("@q", $"%{term}%"));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private static async Task<object[]> RowAsync(DbConnection connection, string sql)
    {
        await using var command = Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("No rows: was the database loaded? " + sql);
        }

        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
