using InvestCRM.Data;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Data;

/// <summary>Several app instances starting together against one empty PostgreSQL database (the advisory lock).</summary>
public sealed class ConcurrentMigrationTests
{
    private const int Instances = 4;

    [Fact]
    public async Task Concurrent_MigrateAsync_calls_on_one_empty_database_all_succeed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var contexts = Enumerable.Range(0, Instances).Select(_ => database.CreateContext()).ToList();
        try
        {
            using var start = new Barrier(Instances);
            await Task.WhenAll(contexts.Select(db => Task.Run(async () =>
            {
                start.SignalAndWait(ct); // line them up so they really race
                await DatabaseSetup.MigrateAsync(db, ct);
            }, ct)));
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }

        await using var check = database.CreateContext();
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync(ct));
    }
}
