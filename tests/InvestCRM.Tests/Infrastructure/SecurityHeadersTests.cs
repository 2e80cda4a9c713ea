using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Infrastructure;

public abstract class SecurityHeadersTests(CrmApp app) : AppTests(app)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var session = App.NewSession();

        using var response = await session.GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    public sealed class Sqlite(SqliteApp app) : SecurityHeadersTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : SecurityHeadersTests(app), IClassFixture<PostgresApp>;
}
