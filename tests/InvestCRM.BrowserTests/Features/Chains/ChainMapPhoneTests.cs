using System.Text.RegularExpressions;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Features.Enterprises;
using InvestCRM.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Chains;

/// <summary>A manager reads a chain map on a phone, opens a gap, lists its firms in the register and starts a project with one.</summary>
public sealed class ChainMapPhoneTests(KestrelApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public async Task A_manager_opens_a_gap_on_the_map_lists_its_firms_and_starts_a_project_with_one()
    {
        var tag = Unique("");
        var (chainId, nodes) = await App.Database.AddChainAsync($"测试产业链{tag}", $"已有环节{tag}", $"空白环节{tag}");
        await FirmAsync($"三明本地企业{tag}有限公司", isLocal: true, nodes[0]);
        var target = await FirmAsync($"外地目标企业{tag}有限公司", isLocal: false, nodes[1]);
        await SignInAsync(DemoAccounts.Manager);

        await Page.GotoAsync($"/chains/{chainId}");
        await Expect(Page.GetByText(string.Format(UiText.Chinese("Chain.CoverageSummary"), 1, 2, 0, 1))).ToBeVisibleAsync();
        var gap = Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"空白环节{tag}" });
        await Expect(gap).ToContainTextAsync(UiText.Chinese("Enum.NodeStanding.Gap"));
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The map scrolls sideways on a phone.");
        await ScreenshotAsync("chain-map-phone");

        await gap.GetByRole(AriaRole.Link, new() { Name = $"空白环节{tag}" }).TapAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(UiText.Chinese("Enum.NodeStanding.Gap"));
        await Expect(Page.GetByText(UiText.Chinese("Chain.NoLocalFirms"))).ToBeVisibleAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"外地目标企业{tag}有限公司" });
        await ScreenshotAsync("chain-node-gap-phone");

        // The register, narrowed to the node; then to local firms only, in place (htmx), which leaves none here.
        await Page.GetByRole(AriaRole.Link, new() { Name = UiText.Chinese("Chain.InRegister") }).TapAsync();
        await Expect(Page.GetByText(string.Format(UiText.Chinese("Enterprise.Found"), 1))).ToBeVisibleAsync();
        await Page.GetByLabel(UiText.Chinese("Enterprise.LocalOnly")).CheckAsync();
        await Expect(Page.GetByText(string.Format(UiText.Chinese("Enterprise.Found"), 0))).ToBeVisibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/enterprises\?local=1&node={nodes[1]}$"));
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways on a phone.");
        await ScreenshotAsync("enterprise-list-node-phone");
        await Page.GoBackAsync();
        await Page.GoBackAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = UiText.Chinese("Chain.NewProject") }).TapAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($@"/projects/new\?enterpriseId={target}$"));
    }

    private async Task<int> FirmAsync(string name, bool isLocal, int node)
    {
        await using var db = App.Database.CreateContext(await App.CurrentUserAsync(DemoAccounts.Admin));
        var firm = new Enterprise { Name = name, NormalizedName = EnterpriseName.Normalize(name), IsLocal = isLocal, CreatedAt = DateTimeOffset.UtcNow };
        firm.ChainNodes.Add(new EnterpriseChainNode { ChainNodeId = node });
        db.Enterprises.Add(firm);
        await db.SaveChangesAsync();
        return firm.Id;
    }
}
