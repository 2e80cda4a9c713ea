using System.Text.RegularExpressions;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Projects;

/// <summary>The project list narrows in place as filters change, and the address keeps the filter for a link or reload.</summary>
public sealed class ProjectListFilterTests(KestrelApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task Choosing_a_stage_and_a_chain_narrows_the_list_in_place()
    {
        var (chainId, stageId, stageName) = await ChainAndStageAsync();
        var matching = Unique("筛选命中项目");
        await App.ProjectAsync(matching, "site-visit", chainId);
        await App.ProjectAsync(Unique("筛选排除项目"), "lead"); // so the filter always has something to leave out
        await SignInAsync(DemoAccounts.Manager);

        await Page.GotoAsync("/projects");
        var count = Page.Locator("#project-results .results-bar span").First;
        await Expect(count).ToBeVisibleAsync();
        var before = await count.InnerTextAsync();
        var loads = 0;
        Page.Load += (_, _) => loads++;

        await Page.GetByLabel(UiText.Chinese("Projects.Stage"), new() { Exact = true }).SelectOptionAsync(stageId.ToString());
        await Expect(Page).ToHaveURLAsync(new Regex($"[?&]stage={stageId}(&|$)"));
        await Page.GetByLabel(UiText.Chinese("Projects.Chain"), new() { Exact = true }).SelectOptionAsync(chainId.ToString());
        await Expect(Page).ToHaveURLAsync(new Regex($"[?&]chain={chainId}(&|$)"));
        await Expect(Page).ToHaveURLAsync(new Regex($"[?&]stage={stageId}(&|$)"));

        await Expect(count).Not.ToHaveTextAsync(before);
        var stageCells = Page.Locator("#project-results tbody tr td:nth-child(3)");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = matching })).ToBeVisibleAsync();
        await Expect(stageCells.Filter(new() { HasNotText = stageName })).ToHaveCountAsync(0);
        Assert.True(await stageCells.CountAsync() > 0);
        Assert.Equal(0, loads); // htmx swapped the results; the page itself never reloaded
        await ScreenshotAsync("project-list-filtered");
    }

    private async Task<(int ChainId, int StageId, string StageName)> ChainAndStageAsync()
    {
        await using var db = App.Database.CreateContext();
        var chainId = await db.IndustryChains.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var stage = await db.Stages.SingleAsync(s => s.Code == "site-visit");
        return (chainId, stage.Id, stage.NameZh);
    }
}
