using System.Data.Common;
using System.Diagnostics;
using InvestCRM.Bench.Measuring;
using InvestCRM.Data;

namespace InvestCRM.Bench.Loading;

/// <summary>
/// The secondary indexes of the tables a bulk load fills: dropped before the load and created again afterwards
/// from the database's own definitions (so they stay exactly what the migrations made). Building an index once
/// over sorted data is several times cheaper than maintaining it row by row, above all PostgreSQL's trigram GIN
/// indexes and the (stage, date) indexes that receive rows in random order. Primary keys stay.
/// </summary>
internal sealed class DeferredIndexes(BenchDatabase db, IReadOnlyList<string> definitions)
{
    private const string PostgresIndexes = """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename::text = ANY(@tables)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """;

    // Indexes SQLite makes for keys and UNIQUE constraints have no SQL and cannot be dropped.
    private const string SqliteIndexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({0})";

    public int Count => definitions.Count;

    public static async Task<DeferredIndexes> DropAsync(BenchDatabase db, IReadOnlyList<string> tables)
    {
        await using var connection = await ScenarioData.OpenAsync(db.Provider, db.ConnectionString);
        var found = new List<(string Name, string Definition)>();
        var sql = db.Provider == DatabaseProvider.Postgres
            ? PostgresIndexes
            : string.Format(SqliteIndexes, string.Join(", ", tables.Select(t => $"'{t}'")));
        (string, object)[] parameters = db.Provider == DatabaseProvider.Postgres ? [("@tables", tables.ToArray())] : [];
        await using (var command = ScenarioData.Command(connection, sql, parameters))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        return new DeferredIndexes(db, found.Select(f => f.Definition).ToList());
    }

    /// <summary>Creates the indexes again; PostgreSQL gets enough memory to sort each index in one go.</summary>
    public async Task<TimeSpan> RestoreAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await ScenarioData.OpenAsync(db.Provider, db.ConnectionString);
        await ExecuteAsync(connection, db.Provider == DatabaseProvider.Postgres
            ? "SET maintenance_work_mem = '512MB'"
            : "PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
        foreach (var definition in definitions)
        {
            await ExecuteAsync(connection, definition);
        }

        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = ScenarioData.Command(connection, sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
