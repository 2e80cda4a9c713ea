using System.Text.RegularExpressions;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Account;

/// <summary>A person's first minute with the app: sign in, find their way in Chinese, switch to English, sign out.</summary>
public sealed class SignInJourneyTests(KestrelApp app, Chromium chromium)
    : IClassFixture<KestrelApp>, IClassFixture<Chromium>, IAsyncLifetime
{
    private static readonly string[] AssetTypes = ["stylesheet", "script", "image", "font"];
    private readonly List<string> _failedAssets = [];
    private IBrowserContext? _context;
    private IPage Page { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Chromium.RequireInstalled();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        Page = await _context.NewPageAsync();
        // A stylesheet answered with a redirect or an error still renders a page, but not the one people see.
        Page.Response += (_, response) =>
        {
            if (AssetTypes.Contains(response.Request.ResourceType) && response.Status is not (200 or 304))
            {
                _failedAssets.Add($"{response.Status} {response.Url}");
            }
        };
    }

    [Fact]
    public async Task Manager_signs_in_switches_to_english_and_signs_out()
    {
        await SignInAsync(DemoAccounts.Manager, DemoAccounts.Password);
        await ExpectShellAsync("zh-CN", UiText.Chinese);
        await ScreenshotAsync("dashboard-zh-CN");

        await Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await ExpectShellAsync("en-US", UiText.English);
        await ScreenshotAsync("dashboard-en-US");

        await Page.Locator(".account-menu > summary").ClickAsync(); // the account's links fold under the user's name
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.English("Account.Logout") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = UiText.English("Account.Login") })).ToBeVisibleAsync();
        await ScreenshotAsync("login-en-US");
        Assert.Empty(_failedAssets);
    }

    private async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2F$"));
        await Page.GetByLabel(UiText.Chinese("Account.Email"), new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel(UiText.Chinese("Account.Password"), new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Account.Login") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));
    }

    /// <summary>The main navigation, in the given language, as the sidebar shows it.</summary>
    private async Task ExpectShellAsync(string culture, Func<string, string> text)
    {
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", culture);
        var nav = Page.GetByRole(AriaRole.Complementary, new() { Name = text("Nav.Main") });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = text("Nav.Dashboard") })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = text("Nav.Incubators") })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    private async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, path);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
