using System.Net;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Account;

public abstract class LoginTests(CrmApp app) : AppTests(app)
{
    private static readonly string InvalidLogin = UiText.Chinese("Account.InvalidLogin");
    private static readonly string LockedOut = UiText.Chinese("Account.LockedOut");

    [Fact]
    public async Task Demo_manager_signs_in_and_reaches_the_dashboard()
    {
        using var session = App.NewSession();
        using var login = await session.LoginAsync(DemoAccounts.Manager, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", WebSession.RedirectTarget(login));
        var dashboard = await session.GetPageAsync("/");
        Assert.Contains("李主任", dashboard);
        Assert.Contains(UiText.Chinese("Nav.Dashboard"), dashboard);
    }

    [Fact]
    public async Task Wrong_password_shows_the_localized_error_and_signs_nobody_in()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var session = App.NewSession();

        using var login = await session.LoginAsync(user.Email, "Wrong-Password-123");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(InvalidLogin, await WebSession.ReadTextAsync(login));
        using var home = await session.GetAsync("/");
        Assert.True(WebSession.IsRedirect(home));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var session = App.NewSession();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var failed = await session.LoginAsync(user.Email, $"Wrong-Password-{attempt}");
            Assert.Contains(InvalidLogin, await WebSession.ReadTextAsync(failed));
        }

        using var fifth = await session.LoginAsync(user.Email, "Wrong-Password-5");
        Assert.Contains(LockedOut, await WebSession.ReadTextAsync(fifth));

        using var right = await session.LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(LockedOut, await WebSession.ReadTextAsync(right));
        Assert.NotNull((await App.FindUserAsync(user.Email)).LockoutEnd);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var logout = await session.SubmitAsync("/", "/account/logout", new Dictionary<string, string>());

        Assert.Equal("/account/login", WebSession.RedirectTarget(logout));
        using var home = await session.GetAsync("/");
        Assert.True(WebSession.IsRedirect(home));
    }

    [Fact]
    public async Task Logout_without_the_antiforgery_token_is_refused_and_keeps_the_session()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var forged = await session.Client.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        using var home = await session.GetAsync("/");
        Assert.False(WebSession.IsRedirect(home));
    }

    public sealed class Sqlite(SqliteApp app) : LoginTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : LoginTests(app), IClassFixture<PostgresApp>;
}
