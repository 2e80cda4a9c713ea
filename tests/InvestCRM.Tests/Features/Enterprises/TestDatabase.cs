using InvestCRM.Data;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Stages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace InvestCRM.Tests.Features.Enterprises;

/// <summary>The user a test acts as; switched between calls to act as someone else.</summary>
public sealed class TestUser : ICurrentUserAccessor
{
    public static readonly CurrentUser Staff = new("user-staff", "Staff", new HashSet<string> { Roles.Staff }, null, null);
    public static readonly CurrentUser Admin = new("user-admin", "Admin", new HashSet<string> { Roles.Admin }, null, null);
    public static readonly CurrentUser Manager = new("user-manager", "Manager", new HashSet<string> { Roles.Manager }, null, null);

    public CurrentUser Current { get; set; } = Staff;
}

/// <summary>
/// A fresh, migrated database per test: a SQLite file in a temporary folder, or a uniquely named PostgreSQL
/// database on the server named by INVESTCRM_TEST_POSTGRES (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "INVESTCRM_TEST_POSTGRES";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "investcrm-tests", Guid.NewGuid().ToString("N"));
    private readonly DatabaseOptions _options;

    private TestDatabase(DatabaseOptions options) => _options = options;

    public TestUser User { get; } = new();

    /// <summary>SQLite always; PostgreSQL when a server is configured, and on CI, where a missing server must fail.</summary>
    public static TheoryData<DatabaseProvider> Providers()
    {
        var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } || Environment.GetEnvironmentVariable("CI") == "true")
        {
            data.Add(DatabaseProvider.Postgres);
        }

        return data;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var options = provider == DatabaseProvider.Sqlite
            ? new DatabaseOptions { Provider = provider, ConnectionString = "Data Source=test.db" }
            : new DatabaseOptions { Provider = provider, ConnectionString = PostgresConnectionString() };
        var database = new TestDatabase(options);
        await using var db = database.Context();
        if (provider == DatabaseProvider.Postgres)
        {
            // The migrator's advisory lock needs a connection, so the database must exist first.
            await db.Database.GetService<IRelationalDatabaseCreator>().CreateAsync();
        }

        await DatabaseSetup.MigrateAsync(db);
        await DefaultStages.EnsureAsync(db);
        db.Users.AddRange(TestUsers());
        await db.SaveChangesAsync();
        return database;
    }

    private static string PostgresConnectionString()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        Assert.False(string.IsNullOrEmpty(server), $"{PostgresVariable} must name a PostgreSQL server when CI=true.");
        return new NpgsqlConnectionStringBuilder(server) { Database = "investcrm_test_" + Guid.NewGuid().ToString("N")[..12] }.ToString();
    }

    private static IEnumerable<ApplicationUser> TestUsers() =>
        new[] { TestUser.Staff, TestUser.Admin, TestUser.Manager }.Select(u => new ApplicationUser
        {
            Id = u.UserId!, UserName = u.UserId + "@test.local", Email = u.UserId + "@test.local", DisplayName = u.Name!,
        });

    /// <summary>A new context acting as <see cref="User"/>; each call is like a new request.</summary>
    public CrmDbContext Context() => CrmDbContextFactory.Create(_options, _folder, User);

    /// <summary>A plan with one chain of <paramref name="nodes"/> nodes, returning the node ids.</summary>
    public async Task<List<int>> AddChainAsync(int nodes)
    {
        await using var db = Context();
        var plan = new Plan { Name = "测试规划", StartYear = 2025, EndYear = 2029 };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var chain = new IndustryChain { PlanId = plan.Id, Name = "含氟新材料" };
        chain.Nodes.AddRange(Enumerable.Range(1, nodes).Select(i => new ChainNode { Name = "环节" + i, SortOrder = i }));
        db.IndustryChains.Add(chain);
        await db.SaveChangesAsync();
        return chain.Nodes.Select(n => n.Id).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_options.Provider == DatabaseProvider.Postgres)
        {
            await using var db = Context();
            await db.Database.EnsureDeletedAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
