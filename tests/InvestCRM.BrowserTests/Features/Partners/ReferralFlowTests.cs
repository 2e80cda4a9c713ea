using System.Text.RegularExpressions;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Partners;

/// <summary>A lead from an offshore incubator, end to end: the partner refers it, the park accepts it, the partner sees it move.</summary>
public sealed class ReferralFlowTests(KestrelApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task Partner_refers_a_lead_the_manager_accepts_it_and_the_partner_sees_its_first_stage()
    {
        var enterprise = Unique("北京引荐测试科技有限公司");
        await SignInAsync(DemoAccounts.PartnerBeijing);
        await Expect(Page).ToHaveURLAsync(new Regex("/portal$"));

        await Page.GotoAsync("/portal/referrals/new");
        await Page.GetByLabel(UiText.Chinese("Referral.Enterprise"), new() { Exact = true }).FillAsync(enterprise);
        await Page.GetByLabel(UiText.Chinese("Referral.Seeks"), new() { Exact = true }).FillAsync("寻求 2000 平方米中试厂房与人才公寓");
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Referral.Submit") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"/portal/referrals/\d+\?submitted=true$"));
        var partnerUrl = new Uri(Page.Url).AbsolutePath;
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = enterprise, Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText(UiText.Chinese("Referral.Waiting"), new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator(".page-header .badge")).ToHaveTextAsync(UiText.Chinese("Enum.ReferralStatus.Pending"));
        await ScreenshotAsync("referral-submitted");
        await SignOutAsync();

        await SignInAsync(DemoAccounts.Manager);
        await Page.GotoAsync("/referrals");
        await Page.GetByRole(AriaRole.Link, new() { Name = enterprise }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = enterprise, Level = 1 })).ToBeVisibleAsync();
        var owner = Page.GetByLabel(UiText.Chinese("Triage.Owner"), new() { Exact = true });
        await owner.SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Page.GetByLabel(UiText.Chinese("Triage.Team"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Triage.Accept") }).ClickAsync();
        await Expect(Page.Locator(".page-header .badge")).ToHaveTextAsync(UiText.Chinese("Enum.ReferralStatus.Accepted"));
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(UiText.Chinese("Triage.AcceptedAs"));
        await ScreenshotAsync("referral-accepted");
        await SignOutAsync();

        await SignInAsync(DemoAccounts.PartnerBeijing);
        await Page.GotoAsync(partnerUrl);
        var decision = Page.GetByRole(AriaRole.Status);
        await Expect(decision).ToContainTextAsync(UiText.Chinese("Referral.CurrentStage"));
        await Expect(decision.Locator("strong")).ToHaveTextAsync(await FirstStageNameAsync());
        await Expect(Page.GetByText(UiText.Chinese("Referral.Waiting"), new() { Exact = true })).ToHaveCountAsync(0);
        await ScreenshotAsync("referral-partner-sees-stage");
    }

    private async Task<string> FirstStageNameAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.Stages.OrderBy(s => s.Order).Select(s => s.NameZh).FirstAsync();
    }
}
