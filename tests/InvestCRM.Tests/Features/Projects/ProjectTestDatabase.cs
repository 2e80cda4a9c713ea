using InvestCRM.Features.Ledger;
using InvestCRM.Data;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InvestCRM.Tests.Features.Projects;

/// <summary>Whoever the test says is signed in; the DbContext reads it on every query.</summary>
public sealed class TestUserAccessor : ICurrentUserAccessor
{
    public CurrentUser Current { get; set; } = CurrentUser.System;
}

/// <summary>
/// A fresh, migrated database per test on a real provider: a SQLite file in a temp folder, or a uniquely named
/// PostgreSQL database on the server in INVESTCRM_TEST_POSTGRES (dropped afterwards).
/// </summary>
public sealed class ProjectTestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "investcrm-tests", Guid.NewGuid().ToString("N"));
    private readonly DatabaseOptions _options;
    private readonly string? _postgresServer;
    private readonly string? _postgresName;

    public TestUserAccessor User { get; } = new();
    public CrmDbContext Db { get; }
    public ProjectService Projects { get; }
    public ProjectQueries Queries { get; }
    public IReadOnlyList<PipelineStage> Stages { get; private set; } = [];
    public int TeamA { get; private set; }
    public int TeamB { get; private set; }
    public int ChainId { get; private set; }
    public int OtherChainId { get; private set; }

    /// <summary>SQLite always; PostgreSQL when a server is configured, and in CI (where a missing server fails the run).</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (Environment.GetEnvironmentVariable("INVESTCRM_TEST_POSTGRES") is { Length: > 0 } || Environment.GetEnvironmentVariable("CI") == "true")
        {
            data.Add("postgres");
        }

        return data;
    }

    private ProjectTestDatabase(string provider)
    {
        Directory.CreateDirectory(_folder);
        if (provider == "postgres")
        {
            _postgresServer = Environment.GetEnvironmentVariable("INVESTCRM_TEST_POSTGRES")
                ?? throw new InvalidOperationException("INVESTCRM_TEST_POSTGRES is not set but CI=true requires PostgreSQL tests.");
            _postgresName = "investcrm_test_" + Guid.NewGuid().ToString("N")[..12];
            var builder = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresName };
            _options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = builder.ToString() };
        }
        else
        {
            _options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=test.db" };
        }

        Db = CrmDbContextFactory.Create(_options, _folder, User);
        Projects = new ProjectService(Db, new LedgerService(Db, TimeProvider.System), new ReferenceCache(), TimeProvider.System, new InvestCRM.Features.Notifications.Notifier(Db, TimeProvider.System));
        Queries = new ProjectQueries(Db, new ReferenceCache(), TimeProvider.System);
    }

    public static async Task<ProjectTestDatabase> CreateAsync(string provider)
    {
        var database = new ProjectTestDatabase(provider);
        if (database._postgresName is not null)
        {
            await database.ServerCommandAsync($"CREATE DATABASE \"{database._postgresName}\"");
        }

        await DatabaseSetup.MigrateAsync(database.Db);
        await DefaultStages.EnsureAsync(database.Db);
        await database.SeedAsync();
        return database;
    }

    /// <summary>A separate context on the same database, e.g. a second user saving at the same time.</summary>
    public CrmDbContext NewContext(ICurrentUserAccessor user) => CrmDbContextFactory.Create(_options, _folder, user);

    public PipelineStage Stage(string code) => Stages.Single(s => s.Code == code);

    public static CurrentUser Staff(string id, int team) => new(id, id, new HashSet<string> { Roles.Staff }, team, null);

    public async Task<int> EnterpriseAsync(string name)
    {
        var enterprise = new Enterprise { Name = name, NormalizedName = EnterpriseName.Normalize(name), CreatedAt = DateTimeOffset.UtcNow };
        Db.Enterprises.Add(enterprise);
        await Db.SaveChangesAsync();
        return enterprise.Id;
    }

    private async Task SeedAsync()
    {
        Stages = await Db.Stages.AsNoTracking().OrderBy(s => s.Order).ToListAsync();
        var plan = new Plan { Name = "测试规划", StartYear = 2025, EndYear = 2029 };
        Db.Plans.Add(plan);
        await Db.SaveChangesAsync();
        var teams = new[] { new Team { Name = "新材料招商组" }, new Team { Name = "创新中心招商组" } };
        var chains = new[] { new IndustryChain { PlanId = plan.Id, Name = "含氟新材料" }, new IndustryChain { PlanId = plan.Id, Name = "生物医药" } };
        Db.AddRange(teams);
        Db.AddRange(chains);
        await Db.SaveChangesAsync();
        (TeamA, TeamB, ChainId, OtherChainId) = (teams[0].Id, teams[1].Id, chains[0].Id, chains[1].Id);
        Db.Users.AddRange(
            new ApplicationUser { Id = "staff-a", UserName = "a@test", DisplayName = "张三", TeamId = TeamA },
            new ApplicationUser { Id = "staff-b", UserName = "b@test", DisplayName = "李四", TeamId = TeamB });
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
    }

    private async Task ServerCommandAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        // Creating and dropping databases waits for a checkpoint: slow on a busy machine, so more than the default 30 s.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerCommandAsync($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
