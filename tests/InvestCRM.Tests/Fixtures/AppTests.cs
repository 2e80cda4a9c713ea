namespace InvestCRM.Tests.Fixtures;

/// <summary>
/// Base of every test class that runs against the whole app. A test class is abstract and nests one
/// subclass per provider, so each test runs on SQLite and on PostgreSQL:
/// <code>
/// public abstract class LoginTests(CrmApp app) : AppTests(app)
/// {
///     [Fact] public async Task ...
///     public sealed class Sqlite(SqliteApp app) : LoginTests(app), IClassFixture&lt;SqliteApp&gt;;
///     public sealed class Postgres(PostgresApp app) : LoginTests(app), IClassFixture&lt;PostgresApp&gt;;
/// }
/// </code>
/// </summary>
public abstract class AppTests(CrmApp app) : IAsyncLifetime
{
    protected CrmApp App => app;

    public virtual ValueTask InitializeAsync()
    {
        app.RequireAvailable();
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
