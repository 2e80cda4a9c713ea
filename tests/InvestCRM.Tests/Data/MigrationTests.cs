using InvestCRM.Data;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestCRM.Tests.Data;

public abstract class MigrationTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var db = database.CreateContext();

        await DatabaseSetup.MigrateAsync(db, Ct);

        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Equal(0, await db.Plans.CountAsync(Ct)); // the tables are there, and empty
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    /// <summary>A model change without a migration for this provider; needs no server, only the migrations assembly.</summary>
    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        var connection = Provider == DatabaseProvider.Postgres ? "Host=unused;Database=unused" : "Data Source=:memory:";
        using var db = CrmDbContextFactory.Create(new DatabaseOptions { Provider = Provider, ConnectionString = connection }, Path.GetTempPath());

        Assert.Equal(ExpectedMigrationsAssembly, MigrationsAssembly(db));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    private string ExpectedMigrationsAssembly => Provider == DatabaseProvider.Postgres
        ? DatabaseOptions.PostgresMigrationsAssembly
        : DatabaseOptions.SqliteMigrationsAssembly;

    private static string? MigrationsAssembly(CrmDbContext db) =>
        db.GetService<IMigrationsAssembly>().Assembly.GetName().Name;

    public sealed class Sqlite : MigrationTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class Postgres : MigrationTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
