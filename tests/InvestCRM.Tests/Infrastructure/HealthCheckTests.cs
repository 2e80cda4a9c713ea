using System.Net;
using System.Text.Json;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Infrastructure;

public abstract class HealthCheckTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Healthz_reports_healthy_json_without_signing_in()
    {
        using var session = App.NewSession();

        using var response = await session.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    public sealed class Sqlite(SqliteApp app) : HealthCheckTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : HealthCheckTests(app), IClassFixture<PostgresApp>;
}
