using InvestCRM.Tests.Fixtures;
using Microsoft.Playwright;

namespace InvestCRM.BrowserTests.Fixtures;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser download is not available here,
/// so the system browser is launched by path; without it a developer's tests skip and CI's fail.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static void RequireInstalled() =>
        TestEnvironment.Require(IsInstalled, $"Browser tests need {ExecutablePath} (apt-get install chromium fonts-noto-cjk).");

    public async ValueTask InitializeAsync()
    {
        if (!IsInstalled)
        {
            return; // each test then skips (or fails in CI) through RequireInstalled
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
