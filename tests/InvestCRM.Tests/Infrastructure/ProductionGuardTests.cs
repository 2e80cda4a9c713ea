using InvestCRM.Features.Demo;
using InvestCRM.Tests.Fixtures;
using InvestCRM.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace InvestCRM.Tests.Infrastructure;

public sealed class ProductionGuardTests
{
    private const string SafeConnection = "Host=db;Database=investcrm;Username=investcrm;Password=Q7v!long-random-secret";

    [Fact]
    public void A_safe_production_configuration_has_no_problems() =>
        Assert.Empty(ProductionGuard.Problems(Configuration(("Database:ConnectionString", SafeConnection))));

    [Fact]
    public void Demo_data_is_flagged() =>
        Assert.Contains(ProductionGuard.Problems(Configuration(("Demo:Enabled", "true"), ("Database:ConnectionString", SafeConnection))),
            p => p.Contains("Demo:Enabled", StringComparison.Ordinal));

    [Theory]
    [InlineData("Host=db;Username=postgres;Password=postgres")]
    [InlineData("Host=db;Username=investcrm;Password = investcrm;Pooling=true")]
    [InlineData("Host=db;Username=investcrm;Password=" + DemoOptions.DefaultPassword)]
    public void Default_database_passwords_are_flagged(string connection) =>
        Assert.Contains(ProductionGuard.Problems(Configuration(("Database:ConnectionString", connection))),
            p => p.Contains("default password", StringComparison.Ordinal));

    [Fact]
    public async Task The_app_refuses_to_start_in_production_with_demo_data()
    {
        await using var app = new SqliteApp();
        await app.InitializeAsync();
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var refused = Assert.Throws<InvalidOperationException>(() => production.StartServer());

        Assert.Contains("Demo:Enabled", refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
