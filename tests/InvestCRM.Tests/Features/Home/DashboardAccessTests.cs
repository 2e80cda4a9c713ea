using System.Net;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Home;

public abstract class DashboardAccessTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Anonymous_visitor_is_sent_to_the_login_page_with_a_return_url()
    {
        using var session = App.NewSession();

        using var response = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2F", WebSession.RedirectTarget(response));
    }

    [Fact]
    public async Task Partner_gets_not_found_rather_than_forbidden_on_internal_pages()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);

        using var response = await session.GetAsync("/ledger");

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.StatusCode} {WebSession.RedirectTarget(response)}");
        Assert.Contains(UiText.Chinese("Error.NotFound.Title"), await WebSession.ReadTextAsync(response));
    }

    /// <summary>The brand and "back home" links of every page lead to "/": a partner is sent on to the portal, their home.</summary>
    [Fact]
    public async Task Partner_going_home_lands_on_the_portal()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);

        using var home = await session.GetAsync("/");
        var portal = await session.GetPageAsync("/portal");

        Assert.Equal("/portal", WebSession.RedirectTarget(home));
        Assert.Contains("href=\"/\"", portal);
        Assert.DoesNotContain(UiText.Chinese("Completion.Title"), portal);
    }

    [Fact]
    public async Task Staff_sees_the_dashboard()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);

        var page = await session.GetPageAsync("/");

        Assert.Contains(UiText.Chinese("Nav.Incubators"), page);
    }

    public sealed class Sqlite(SqliteApp app) : DashboardAccessTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : DashboardAccessTests(app), IClassFixture<PostgresApp>;
}
