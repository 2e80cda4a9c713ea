using System.Diagnostics;
using InvestCRM.Bench.Measuring;
using InvestCRM.Data;
using InvestCRM.Migrations.Sqlite.Migrations;
using ProjectSearchText = InvestCRM.Migrations.Postgres.Migrations.ProjectSearchText;

namespace InvestCRM.Bench.Loading;

/// <summary>
/// The project search's own tables and columns, filled after a bulk load with the migrations' own SQL.
/// <para>
/// SQLite: the triggers that keep the gram tables (migration ShortTermSearch) are dropped before the load and the
/// tables filled in one sorted pass after it. Row by row, each project's fifteen or so grams land at random places in
/// the gram table: 3.7 s more per 100,000 projects than without the triggers, against 1.6 s for the sorted fill (and
/// far more at a million projects, whose grams outgrow the page cache).
/// </para>
/// PostgreSQL: COPY runs with triggers off (session_replication_role = replica), so the projects' "SearchText" (migration
/// ProjectSearchText) is filled afterwards in one UPDATE. The character indexes stay through COPY; the reports suite
/// defers them with the others.
/// </summary>
internal sealed class DeferredSearchTables(BenchDatabase db)
{
    public static async Task<DeferredSearchTables> DropAsync(BenchDatabase db)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await ExecuteAsync(db, ShortTermSearch.Tables.SelectMany(ShortTermSearch.DropTriggersSql));
        }

        return new DeferredSearchTables(db);
    }

    /// <summary>SQLite: fills the gram tables from the loaded rows, then creates the triggers again. PostgreSQL: fills "SearchText".</summary>
    public async Task<TimeSpan> RestoreAsync()
    {
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(db, db.Provider == DatabaseProvider.Sqlite
            ? ShortTermSearch.Tables.Select(ShortTermSearch.FillSql).Concat(ShortTermSearch.Tables.SelectMany(ShortTermSearch.TriggersSql))
            : [ProjectSearchText.FillSql]);
        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(BenchDatabase db, IEnumerable<string> statements)
    {
        await using var connection = await ScenarioData.OpenAsync(db.Provider, db.ConnectionString);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await using var pragmas = ScenarioData.Command(connection, "PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
            await pragmas.ExecuteNonQueryAsync();
        }

        foreach (var sql in statements)
        {
            await using var command = ScenarioData.Command(connection, sql);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
    }
}
