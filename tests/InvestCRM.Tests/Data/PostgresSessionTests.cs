using InvestCRM.Data;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InvestCRM.Tests.Data;

/// <summary>The app's PostgreSQL sessions run without parallel query and prepare repeated statements, unless the connection string says otherwise.</summary>
public sealed class PostgresSessionTests
{
    [Fact]
    public void Parallel_query_is_turned_off_unless_the_connection_string_sets_its_own_options()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Username=crm"));
        var own = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Username=crm;Options=-c work_mem=64MB"));

        Assert.Equal("-c max_parallel_workers_per_gather=0", defaulted.Options);
        Assert.Equal("db", defaulted.Host);
        Assert.Equal("-c work_mem=64MB", own.Options);
    }

    [Fact]
    public void Repeated_statements_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var chosen = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Username=crm;Password=secret;Database=crm"));
        var kept = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Username=crm;Password=secret;Max Auto Prepare=0"));

        Assert.Equal((64, "secret", "crm"), (chosen.MaxAutoPrepare, chosen.Password, chosen.Database));
        Assert.Equal(0, kept.MaxAutoPrepare);
    }

    [Fact]
    public async Task A_session_of_the_app_shows_the_setting_on_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = database.CreateContext();

        var workers = await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync(ct);

        Assert.Equal("0", workers);
    }
}
