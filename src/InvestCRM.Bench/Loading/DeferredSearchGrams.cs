using System.Diagnostics;
using InvestCRM.Bench.Measuring;
using InvestCRM.Data;
using InvestCRM.Migrations.Sqlite.Migrations;

namespace InvestCRM.Bench.Loading;

/// <summary>
/// SQLite only: the triggers that keep the project search's gram tables (migration ShortTermSearch) are dropped before
/// a bulk load and the tables filled in one sorted pass after it, with the migration's own SQL. Row by row, each
/// project's fifteen or so grams land at random places in the gram table: 3.7 s more per 100,000 projects than
/// without the triggers, against 1.6 s for the sorted fill (and far more at a million projects, whose grams outgrow
/// the page cache). PostgreSQL keeps its character indexes through COPY; the reports suite defers them with the others.
/// </summary>
internal sealed class DeferredSearchGrams(BenchDatabase db)
{
    public static async Task<DeferredSearchGrams?> DropAsync(BenchDatabase db)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        await ExecuteAsync(db, ShortTermSearch.Tables.SelectMany(ShortTermSearch.DropTriggersSql));
        return new DeferredSearchGrams(db);
    }

    /// <summary>Fills the gram tables from the loaded rows, then creates the triggers again.</summary>
    public async Task<TimeSpan> RestoreAsync()
    {
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(db, ShortTermSearch.Tables.Select(ShortTermSearch.FillSql).Concat(ShortTermSearch.Tables.SelectMany(ShortTermSearch.TriggersSql)));
        return clock.Elapsed;
    }

    private static async Task ExecuteAsync(BenchDatabase db, IEnumerable<string> statements)
    {
        await using var connection = await ScenarioData.OpenAsync(db.Provider, db.ConnectionString);
        await using (var pragmas = ScenarioData.Command(connection, "PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;"))
        {
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
