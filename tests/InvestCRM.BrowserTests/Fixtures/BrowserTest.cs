using System.Text.RegularExpressions;
using InvestCRM.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Fixtures;

/// <summary>
/// One browser context per test on the shared app and browser of the class. The machine running these is
/// shared and often busy, so waits are generous; a real failure still fails, only later.
/// </summary>
public abstract class BrowserTest(KestrelApp app, Chromium chromium)
    : IClassFixture<KestrelApp>, IClassFixture<Chromium>, IAsyncLifetime
{
    protected const float NavigationTimeout = 30_000;
    private IBrowserContext? _context;

    protected KestrelApp App => app;

    protected IPage Page { get; private set; } = null!;

    /// <summary>Desktop by default; a phone test overrides the viewport.</summary>
    protected virtual BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
    };

    public async ValueTask InitializeAsync()
    {
        Chromium.RequireInstalled();
        SetDefaultExpectTimeout(15_000);
        var options = ContextOptions;
        options.BaseURL = app.BaseUrl.ToString();
        _context = await chromium.Browser.NewContextAsync(options);
        _context.SetDefaultNavigationTimeout(NavigationTimeout);
        _context.SetDefaultTimeout(NavigationTimeout);
        Page = await _context.NewPageAsync();
    }

    /// <summary>Signs in through the login form and waits until the app has left it.</summary>
    protected async Task SignInAsync(string email, string password = DemoAccounts.Password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel(UiText.Chinese("Account.Email"), new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel(UiText.Chinese("Account.Password"), new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Account.Login") }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    protected async Task SignOutAsync()
    {
        await Page.Locator(".account-menu > summary").ClickAsync(); // the account's links fold under the user's name
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Account.Logout") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/account/login$"));
    }

    protected async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, path);
    }

    /// <summary>A name no other test or earlier run has used.</summary>
    protected static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
