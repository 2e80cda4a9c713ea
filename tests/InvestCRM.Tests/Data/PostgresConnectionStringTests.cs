using InvestCRM.Data;
using Npgsql;

namespace InvestCRM.Tests.Data;

public class PostgresConnectionStringTests
{
    [Fact]
    public void Repeated_statements_are_prepared_unless_the_connection_string_says_otherwise()
    {
        var chosen = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Username=crm;Password=secret;Database=crm"));
        var kept = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Username=crm;Password=secret;Max Auto Prepare=0"));

        Assert.Equal((64, "secret", "crm"), (chosen.MaxAutoPrepare, chosen.Password, chosen.Database));
        Assert.Equal(0, kept.MaxAutoPrepare);
    }
}
