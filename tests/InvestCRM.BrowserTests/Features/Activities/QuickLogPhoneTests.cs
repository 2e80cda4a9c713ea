using System.Text.RegularExpressions;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Activities;

/// <summary>Staff log a call on their phone right after it: pick the enterprise, a type, two lines, one tap.</summary>
public sealed class QuickLogPhoneTests(KestrelApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public async Task Staff_logs_a_call_on_a_phone_and_finds_it_on_the_enterprise()
    {
        var enterprise = Unique("快记测试企业");
        await App.EnterpriseAsync(enterprise);
        var summary = Unique("电话沟通扩产意向 ");
        var nextStep = Unique("下周发送园区资料 ");
        await SignInAsync(DemoAccounts.Staff);

        await Page.GotoAsync("/activities/new");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = UiText.Chinese("Activity.New") })).ToBeVisibleAsync();
        await Page.GetByLabel(UiText.Chinese("Activity.Enterprise"), new() { Exact = true }).FillAsync(enterprise);
        var pick = Page.GetByRole(AriaRole.Radio, new() { Name = enterprise });
        await Expect(pick).ToHaveCountAsync(1); // the htmx search answered with exactly this enterprise
        await pick.CheckAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = UiText.Chinese("Enum.ActivityType.Call"), Exact = true }).CheckAsync();
        await Page.GetByLabel(UiText.Chinese("Activity.Summary"), new() { Exact = true }).FillAsync(summary);
        await Page.GetByLabel(UiText.Chinese("Activity.NextStep"), new() { Exact = true }).FillAsync(nextStep);
        await ScreenshotAsync("quick-log-phone-filled");

        var posts = new List<string>();
        Page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(request.Url);
            }
        };
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Activity.Save") }).TapAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/activities/\d+\?logged=1$"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(UiText.Chinese("Activity.Logged"));
        Assert.Single(posts);
        await ScreenshotAsync("quick-log-phone-saved");

        await Page.GetByRole(AriaRole.Link, new() { Name = UiText.Chinese("Activity.OpenEnterprise") }).TapAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = enterprise, Level = 1 })).ToBeVisibleAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = summary });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(UiText.Chinese("Enum.ActivityType.Call"));
        await ScreenshotAsync("quick-log-phone-enterprise");
    }
}
