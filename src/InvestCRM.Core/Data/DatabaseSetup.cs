using System.Data.Common;
using System.Runtime.CompilerServices;
using InvestCRM.Features.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InvestCRM.Data;

public static class DatabaseSetup
{
    /// <summary>Registers the DbContext for the configured provider and stores data-protection keys in it.</summary>
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The options are built once, not for every request's context.
        services.AddDbContext<CrmDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot), optionsLifetime: ServiceLifetime.Singleton);
        // SQLite: one process owns the file and hears its own saves; PostgreSQL: only while the listener hears everyone's.
        services.AddSingleton(sp => new ReferenceCache(enabled: sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Sqlite));
        services.AddHostedService<ReferenceChangeListener>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddDataProtection().SetApplicationName("InvestCRM");
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions database, string contentRoot)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(PostgresConnectionString(database.ConnectionString),
                    o => o.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly));
                break;
            default:
                options.UseSqlite(SqliteConnectionString(database.ConnectionString, contentRoot),
                    o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
        }

        return options.AddInterceptors(ReferenceCommits.Instance);
    }

    public static DbContextOptions<CrmDbContext> BuildOptions(DatabaseOptions database, string contentRoot) =>
        ((DbContextOptionsBuilder<CrmDbContext>)Configure(new DbContextOptionsBuilder<CrmDbContext>(), database, contentRoot)).Options;

    /// <summary>
    /// The app's PostgreSQL sessions, where the connection string does not say otherwise. Without parallel query: the
    /// app's reads are many small ones at once; a parallel plan starts worker processes for each, which on a two-core
    /// server cost more than they save (a 41,000-row sum of the ledger's summaries: 116 ms with two workers, 22 ms without).
    /// With the statements the app repeats prepared once per pooled connection (Npgsql's automatic preparation), so that
    /// PostgreSQL stops parsing and, once a generic plan is as good, planning them on every request: that was about half
    /// of its work on the list, the board and My work.
    /// </summary>
    internal static string PostgresConnectionString(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options ??= "-c max_parallel_workers_per_gather=0";
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ToString();
    }

    /// <summary>Resolves a relative file under the content root and makes sure its folder exists.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations. On PostgreSQL several instances may start together: a session-level
    /// advisory lock lets one migrate while the others wait, then find nothing left to do.
    /// </summary>
    public static async Task MigrateAsync(CrmDbContext db, CancellationToken ct = default)
    {
        // A migration that fills a new column or table rewrites rows: minutes at a million projects, not 30 s.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(MigrationTimeout);
        try
        {
            await MigrateWithinTimeoutAsync(db, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>How long one statement of a migration (or the wait for another instance's migration) may take.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    private static async Task MigrateWithinTimeoutAsync(CrmDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            return;
        }

        await EnsurePostgresDatabaseAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(7412093)", ct);
            try
            {
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(7412093)", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The lock needs a connection, and a connection needs the database: create it first, as EF's own
    /// Migrate would. Two instances may race to create it; the loser finds it there.
    /// </summary>
    private static async Task EnsurePostgresDatabaseAsync(CrmDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    /// <summary>
    /// Busy timeout and synchronous mode are per connection in SQLite: set the first time the pool hands a native
    /// connection out. EF opens and closes the connection around every query; the pool keeps the native connection,
    /// and its settings, between them.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        // Keyed by the native handle, which the pool keeps open across opens and closes of SqliteConnection objects.
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
        private static readonly object Done = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle } && !Configured.TryAdd(handle, Done))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>Used by the DbContext when no request is in flight.</summary>
public static class CrmDbContextFactory
{
    /// <param name="cache">The reference cache of the app process this context saves for, which its saves invalidate.</param>
    public static CrmDbContext Create(DatabaseOptions database, string contentRoot, ICurrentUserAccessor? user = null, ReferenceCache? cache = null) =>
        new(DatabaseSetup.BuildOptions(database, contentRoot), user, cache);
}
