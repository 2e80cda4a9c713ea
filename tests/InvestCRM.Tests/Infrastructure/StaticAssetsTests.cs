using System.Net;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Infrastructure;

/// <summary>The login page is seen before signing in, so its stylesheets and scripts must be too.</summary>
public abstract class StaticAssetsTests(CrmApp app) : AppTests(app)
{
    [Theory]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/_content/Radzen.Blazor/css/material-base.css", "text/css")]
    [InlineData("/lib/htmx.min.js", "text/javascript")]
    [InlineData("/js/app.js", "text/javascript")]
    public async Task Anonymous_visitors_get_the_assets_of_the_login_page(string url, string contentType)
    {
        using var session = App.NewSession();

        using var response = await session.GetAsync(url);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {WebSession.RedirectTarget(response)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    public sealed class Sqlite(SqliteApp app) : StaticAssetsTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : StaticAssetsTests(app), IClassFixture<PostgresApp>;
}
