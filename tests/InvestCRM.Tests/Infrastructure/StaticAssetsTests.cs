using System.Net;
using System.Text.RegularExpressions;
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

    /// <summary>
    /// A block left open swallows every rule after it: an unclosed phone-width media query once kept the funnel chart's
    /// height, the print-only parts' hiding and a dozen other rules from every wider screen, and no browser says so.
    /// </summary>
    [Fact]
    public async Task The_stylesheet_closes_every_block_it_opens()
    {
        using var session = App.NewSession();
        var css = Regex.Replace(await session.Client.GetStringAsync("/css/app.css", Ct), @"/\*.*?\*/|""[^""]*""|'[^']*'", "", RegexOptions.Singleline);

        var depth = 0;
        foreach (var (line, number) in css.Split('\n').Select((l, i) => (l, i + 1)))
        {
            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
            Assert.True(depth >= 0, $"app.css line {number} closes a block that was never opened.");
        }

        Assert.Equal(0, depth);
    }

    public sealed class Sqlite(SqliteApp app) : StaticAssetsTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : StaticAssetsTests(app), IClassFixture<PostgresApp>;
}
