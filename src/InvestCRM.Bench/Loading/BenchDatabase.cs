using InvestCRM.Data;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Stages;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InvestCRM.Bench.Loading;

/// <summary>A fresh database for one run: created, migrated by the app's own migrations, seeded with the plan and the demo accounts.</summary>
internal sealed class BenchDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
{
    public DatabaseProvider Provider => provider;
    public string ConnectionString => connectionString;

    public static async Task<BenchDatabase> CreateAsync(BenchOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"investcrm-bench-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}.db");
            var sqlite = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            return new BenchDatabase(options.Provider, sqlite, () => DeleteSqliteAsync(file));
        }

        var server = new NpgsqlConnectionStringBuilder(options.Connection ?? throw new ArgumentException(
            "PostgreSQL needs --connection or INVESTCRM_BENCH_POSTGRES / INVESTCRM_TEST_POSTGRES (a server connection string)."));
        var name = $"investcrm_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
        await ExecuteAsync(server.ToString(), $"CREATE DATABASE \"{name}\"");
        var database = new NpgsqlConnectionStringBuilder(server.ToString()) { Database = name, MaxPoolSize = 50 }.ToString();
        return new BenchDatabase(options.Provider, database, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ToString(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    /// <summary>A database loaded by an earlier run; it is neither migrated again nor dropped.</summary>
    public static BenchDatabase Existing(DatabaseProvider provider, string connectionString) =>
        new(provider, connectionString, () => Task.CompletedTask);

    public Task DropAsync() => drop();

    /// <summary>Migrates, adds the default stages, the Sanming plan and the demo accounts (no demo projects), and returns the catalog.</summary>
    public async Task<SyntheticCatalog> PrepareAsync()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        await DefaultStages.EnsureAsync(db);
        await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync();
        var planId = await db.Plans.Where(p => p.Name.StartsWith("三明")).Select(p => p.Id).SingleAsync();
        return await SyntheticCatalog.LoadAsync(db, planId);
    }

    /// <summary>
    /// The first keys the generator may use: the demo set-up already wrote a few rows (its partner referrals
    /// create enterprises and, once accepted, projects), and explicit keys must not collide with them.
    /// </summary>
    public async Task<SyntheticIds> FirstFreeIdsAsync()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return new SyntheticIds(
            Enterprise: (await db.Enterprises.MaxAsync(e => (int?)e.Id) ?? 0) + 1,
            Contact: (await db.Contacts.MaxAsync(c => (int?)c.Id) ?? 0) + 1,
            Event: (await db.Events.MaxAsync(e => (int?)e.Id) ?? 0) + 1,
            Project: (await db.Projects.MaxAsync(p => (int?)p.Id) ?? 0) + 1,
            StageChange: (await db.StageChanges.MaxAsync(c => (long?)c.Id) ?? 0) + 1,
            Activity: (await db.Activities.MaxAsync(a => (long?)a.Id) ?? 0) + 1);
    }

    public IRowSink OpenSink() => provider == DatabaseProvider.Postgres ? new PostgresSink(connectionString) : new SqliteSink(connectionString);

    /// <summary>The loader writes projects past EF, so the pipeline and funnel summaries are rebuilt from them, set-based.</summary>
    public async Task RebuildSummariesAsync()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<InvestCRM.Features.Pipeline.PipelineMaintenance>().RebuildAsync();
        await scope.ServiceProvider.GetRequiredService<InvestCRM.Features.Funnel.FunnelMaintenance>().RebuildAsync();
        Console.WriteLine($"Pipeline and funnel summaries rebuilt in {started.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Keys were written explicitly: move PostgreSQL's identity sequences past them, then refresh planner statistics.</summary>
    public async Task FinishLoadAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connectionString, SyntheticSequences.ResetSql);
        }

        await AnalyzeAsync();
    }

    /// <summary>
    /// Planner statistics for every table; on PostgreSQL also VACUUM, which marks the loaded pages all-visible (a
    /// database in use gets that from autovacuum; until then every index-only scan reads the table too), and on
    /// SQLite the write-ahead log folded into the file.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connectionString, "VACUUM (ANALYZE)");
            return;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Core's services on this database, as the system user, outside any request.</summary>
    public ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddScoped<ICurrentUserAccessor, SystemUserAccessor>();
        var database = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
        services.AddDbContext<CrmDbContext>(o => DatabaseSetup.Configure(o, database, Path.GetTempPath()));
        // Off: the loader writes most rows with its own SQL, which no cache would hear; every read goes to the database.
        services.AddSingleton(new ReferenceCache());
        services.AddIdentityCore<ApplicationUser>(o => o.Password.RequiredLength = PasswordPolicy.MinimumLength)
            .AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        // All of Core's services, so that a maintenance service added by a feature (a summary's rebuild) is there too.
        services.AddCrmServices();
        services.AddOptions<DemoOptions>().Configure(o => { o.Enabled = true; o.Projects = 0; });
        return services.BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static Task DeleteSqliteAsync(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }
}
