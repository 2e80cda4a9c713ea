using InvestCRM.Data;
using InvestCRM.Features.Identity;

namespace InvestCRM.Tests.Fixtures;

/// <summary>An empty database of its own for one fixture or test, removed again on dispose.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Provider, ConnectionString = ConnectionString };

    /// <summary>
    /// The reference cache of the app running on this database, if any: a test's saves then invalidate it as the app's
    /// own saves do (on SQLite nothing else would tell the app; on PostgreSQL its listener would, a moment later).
    /// </summary>
    public ReferenceCache? AppCache { get; set; }

    /// <summary>A context outside any request; pass a user to see the data through their access scope.</summary>
    public CrmDbContext CreateContext(CurrentUser? user = null) =>
        CrmDbContextFactory.Create(Options, Path.GetTempPath(), user is null ? null : new FixedUser(user), AppCache);

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates the database; for PostgreSQL skips or fails the running test when no server is configured.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgres();
            return await PostgresTestDatabase.CreateAsync(TestEnvironment.PostgresServer!);
        }

        return SqliteTestDatabase.Create();
    }

    private sealed class FixedUser(CurrentUser user) : ICurrentUserAccessor
    {
        public CurrentUser Current => user;
    }
}
