using InvestCRM.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Fixtures;

/// <summary>
/// The real web app (Program.cs unchanged) on an empty database of its own, with the demo plan loaded by the
/// app's own start-up. Used as a class fixture: each test class gets a fresh app and database, so classes
/// run in parallel and a test only ever sees rows that it or the demo plan made.
/// </summary>
public abstract class CrmApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public abstract DatabaseProvider Provider { get; }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app fixture has not started.");

    /// <summary>Configuration on top of appsettings.json; the environment is "Testing", so nothing comes from Development.</summary>
    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:ConnectionString"] = Database.ConnectionString,
        ["Demo:Enabled"] = "true",
        ["Security:RequireAdminTwoFactor"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && TestEnvironment.PostgresServer is null)
        {
            return; // every test of the class then skips (or fails in CI) through RequireAvailable
        }

        _database = Provider == DatabaseProvider.Postgres
            ? await PostgresTestDatabase.CreateAsync(TestEnvironment.PostgresServer!)
            : SqliteTestDatabase.Create();
        StartServer(); // runs the app's start-up: migrations, default stages, demo plan
        _database.AppCache = Services.GetRequiredService<ReferenceCache>();
    }

    public void RequireAvailable()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
        }
    }

    /// <summary>A second host of the same app on the same database with some settings changed.</summary>
    public WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, assets of packages (_content/Radzen.Blazor) exist only after publish.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp : CrmApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresApp : CrmApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
