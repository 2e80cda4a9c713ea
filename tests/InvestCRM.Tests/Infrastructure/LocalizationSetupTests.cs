using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Infrastructure;

public abstract class LocalizationSetupTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Pages_are_chinese_by_default()
    {
        using var session = App.NewSession();

        var login = await session.GetPageAsync("/account/login");

        Assert.Contains("<html lang=\"zh-CN\"", login);
        Assert.Contains(UiText.Chinese("Account.Login"), login);
    }

    [Fact]
    public async Task Switching_to_english_changes_the_page_and_is_stored_on_the_user()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);

        await SwitchToEnglishAsync(session);

        var page = await session.GetPageAsync("/");
        Assert.Contains("<html lang=\"en-US\"", page);
        Assert.Contains(UiText.English("Nav.Dashboard"), page);
        Assert.DoesNotContain(UiText.Chinese("Account.Logout"), page);
        Assert.Equal("en-US", (await App.FindUserAsync(user.Email)).PreferredCulture);
    }

    [Fact]
    public async Task A_new_login_of_that_user_gets_english()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using (var first = await App.SignedInSessionAsync(user.Email, user.Password))
        {
            await SwitchToEnglishAsync(first);
        }

        using var fresh = App.NewSession(); // no cookies: another browser
        Assert.Contains("<html lang=\"zh-CN\"", await fresh.GetPageAsync("/account/login"));
        await fresh.SignInAsync(user.Email, user.Password);

        var page = await fresh.GetPageAsync("/");
        Assert.Contains("<html lang=\"en-US\"", page);
        Assert.Contains(UiText.English("Account.Logout"), page);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-GB")]
    public async Task A_switch_to_any_english_gives_the_english_pages(string culture)
    {
        using var session = App.NewSession();

        using var response = await session.SubmitAsync("/account/login", "/culture",
            new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/account/login" });
        var page = await session.GetPageAsync("/account/login");

        Assert.Contains("<html lang=\"en-US\"", page);
        Assert.Contains(UiText.English("Account.Login"), page);
    }

    [Fact]
    public async Task The_switch_never_redirects_off_site()
    {
        using var session = App.NewSession();

        using var response = await session.SubmitAsync("/account/login", "/culture",
            new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "//evil.example/phish" });

        Assert.Equal("/", WebSession.RedirectTarget(response));
    }

    private static async Task SwitchToEnglishAsync(WebSession session)
    {
        using var response = await session.SubmitAsync("/", "/culture",
            new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" });
        Assert.Equal("/", WebSession.RedirectTarget(response));
    }

    public sealed class Sqlite(SqliteApp app) : LocalizationSetupTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : LocalizationSetupTests(app), IClassFixture<PostgresApp>;
}
