using InvestCRM.Data;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Xunit;

namespace InvestCRM.Tests.Features.Activities;

/// <summary>A clock the test sets; "local" time is China Standard Time like the parks'.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.CreateCustomTimeZone("test+08", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => ChinaTime;
}

public sealed class TestUserAccessor : ICurrentUserAccessor
{
    public CurrentUser Current { get; set; } = CurrentUser.System;
}

/// <summary>
/// A fresh, migrated database per test on a real provider: SQLite always; PostgreSQL when
/// INVESTCRM_TEST_POSTGRES names a server (and on CI, where a missing server fails instead of skipping).
/// </summary>
public sealed class ActivityTestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "investcrm-tests", Guid.NewGuid().ToString("N"));
    private readonly DatabaseOptions _options;

    public TestUserAccessor User { get; } = new();
    public CrmDbContext Db { get; private set; } = null!;

    private ActivityTestDatabase(DatabaseOptions options) => _options = options;

    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string>();
        foreach (var name in ProviderNames())
        {
            data.Add(name);
        }

        return data;
    }

    public static IEnumerable<string> ProviderNames()
    {
        yield return nameof(DatabaseProvider.Sqlite);
        if (Environment.GetEnvironmentVariable("INVESTCRM_TEST_POSTGRES") is { Length: > 0 } || Environment.GetEnvironmentVariable("CI") == "true")
        {
            yield return nameof(DatabaseProvider.Postgres);
        }
    }

    public static async Task<ActivityTestDatabase> CreateAsync(string provider)
    {
        var database = new ActivityTestDatabase(Options(Enum.Parse<DatabaseProvider>(provider)));
        database.Db = database.NewContext();
        if (database._options.Provider == DatabaseProvider.Postgres)
        {
            // DatabaseSetup takes an advisory lock on the database before migrating, so it must exist first (empty).
            await database.Db.GetService<IRelationalDatabaseCreator>().CreateAsync();
        }

        await DatabaseSetup.MigrateAsync(database.Db);
        await DefaultStages.EnsureAsync(database.Db);
        return database;
    }

    private static DatabaseOptions Options(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new DatabaseOptions { Provider = provider, ConnectionString = "Data Source=test.db" };
        }

        var server = Environment.GetEnvironmentVariable("INVESTCRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CI=true requires INVESTCRM_TEST_POSTGRES (a PostgreSQL connection string).");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "investcrm_test_" + Guid.NewGuid().ToString("N") };
        return new DatabaseOptions { Provider = provider, ConnectionString = builder.ConnectionString };
    }

    /// <summary>A second context on the same database, as another request would have.</summary>
    public CrmDbContext NewContext() => CrmDbContextFactory.Create(_options, _folder, User);

    public async Task<string> AddUserAsync(string name, string role = Roles.Staff, int? teamId = null, bool active = true)
    {
        var id = Guid.NewGuid().ToString();
        var roleId = await Db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync();
        if (roleId is null)
        {
            roleId = Guid.NewGuid().ToString();
            Db.Roles.Add(new IdentityRole { Id = roleId, Name = role, NormalizedName = role.ToUpperInvariant() });
        }

        Db.Users.Add(new ApplicationUser { Id = id, UserName = id, DisplayName = name, TeamId = teamId, IsActive = active });
        Db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId });
        await Db.SaveChangesAsync();
        return id;
    }

    public void SignIn(string userId, string role = Roles.Staff, int? teamId = null) =>
        User.Current = new CurrentUser(userId, "Test " + role, new HashSet<string> { role }, teamId, null);

    public async Task<Enterprise> AddEnterpriseAsync(string name, params string[] contacts)
    {
        var enterprise = new Enterprise { Name = name, NormalizedName = EnterpriseName.Normalize(name), CreatedAt = DateTimeOffset.UtcNow };
        enterprise.Contacts.AddRange(contacts.Select(c => new Contact { Name = c }));
        Db.Enterprises.Add(enterprise);
        await Db.SaveChangesAsync();
        return enterprise;
    }

    public async Task<Project> AddProjectAsync(Enterprise enterprise, string ownerId, DateTimeOffset createdAt, DateTimeOffset? lastActivityAt = null, int? teamId = null)
    {
        var stage = await Db.Stages.OrderBy(s => s.Order).FirstAsync();
        var project = new Project
        {
            EnterpriseId = enterprise.Id, Title = enterprise.Name + " 项目", OwnerId = ownerId, TeamId = teamId, StageId = stage.Id,
            StageEnteredAt = createdAt.ToUniversalTime(), CreatedAt = createdAt.ToUniversalTime(), UpdatedAt = createdAt.ToUniversalTime(),
            LastActivityAt = lastActivityAt?.ToUniversalTime(),
        };
        Db.Projects.Add(project);
        await Db.SaveChangesAsync();
        return project;
    }

    public async ValueTask DisposeAsync()
    {
        if (_options.Provider == DatabaseProvider.Postgres)
        {
            await Db.Database.EnsureDeletedAsync();
        }

        await Db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
