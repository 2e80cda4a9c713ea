using System.Net;
using System.Text.RegularExpressions;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InvestCRM.Tests.Features.Account;

public abstract partial class TwoFactorTests(CrmApp app) : AppTests(app)
{
    private const string SetupPage = "/account/two-factor?required=true";

    [Fact]
    public async Task Admin_is_held_at_two_factor_setup_until_a_totp_code_proves_the_key()
    {
        await using var strict = App.WithSettings(("Security:RequireAdminTwoFactor", "true"));
        var admin = await strict.CreateUserAsync(Roles.Admin);
        using var session = await strict.SignedInSessionAsync(admin.Email, admin.Password);
        using var gated = await session.GetAsync("/");
        Assert.Equal(SetupPage, WebSession.RedirectTarget(gated));

        var key = await ReadKeyAsync(session);
        using var enabled = await SubmitCodeAsync(session, Totp.Code(key, DateTimeOffset.UtcNow));

        Assert.Contains(UiText.Chinese("Account.TwoFactor.Enabled"), await WebSession.ReadTextAsync(enabled));
        Assert.True((await strict.FindUserAsync(admin.Email)).TwoFactorEnabled);
        Assert.Contains(UiText.Chinese("Nav.Dashboard"), await session.GetPageAsync("/"));
    }

    [Fact]
    public async Task Wrong_code_is_refused_and_the_admin_stays_held()
    {
        await using var strict = App.WithSettings(("Security:RequireAdminTwoFactor", "true"));
        var admin = await strict.CreateUserAsync(Roles.Admin);
        using var session = await strict.SignedInSessionAsync(admin.Email, admin.Password);
        var key = await ReadKeyAsync(session);
        var wrong = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(1));

        using var refused = await SubmitCodeAsync(session, wrong);

        Assert.Contains(UiText.Chinese("Account.TwoFactor.Invalid"), await WebSession.ReadTextAsync(refused));
        Assert.False((await strict.FindUserAsync(admin.Email)).TwoFactorEnabled);
        using var gated = await session.GetAsync("/");
        Assert.Equal(SetupPage, WebSession.RedirectTarget(gated));
    }

    [Fact]
    public async Task Without_the_setting_an_admin_goes_straight_in()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        using var session = await App.SignedInSessionAsync(admin.Email, admin.Password);

        Assert.Contains(UiText.Chinese("Nav.Dashboard"), await session.GetPageAsync("/"));
    }

    [Fact]
    public async Task Viewing_the_setup_page_keeps_the_users_sessions()
    {
        var staff = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(staff.Email, staff.Password);
        var stamp = (await App.FindUserAsync(staff.Email)).SecurityStamp;

        var first = await ReadKeyAsync(session);
        var second = await ReadKeyAsync(session);

        // A new security stamp would sign the user out of every session at its next check.
        Assert.Equal(stamp, (await App.FindUserAsync(staff.Email)).SecurityStamp);
        Assert.Equal(first, second);
        Assert.Contains(UiText.Chinese("Nav.Dashboard"), await session.GetPageAsync("/"));
    }

    /// <summary>The key as the page shows it to be typed into an authenticator app.</summary>
    private static async Task<string> ReadKeyAsync(WebSession session)
    {
        var page = await session.GetPageAsync(SetupPage);
        var key = AuthenticatorKey().Match(page);
        Assert.True(key.Success, "The two-factor page shows no authenticator key.");
        return key.Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SubmitCodeAsync(WebSession session, string code)
    {
        var response = await session.SubmitFormAsync(SetupPage, "enable-2fa", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([^<]+)</code>")]
    private static partial Regex AuthenticatorKey();

    public sealed class Sqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
}
