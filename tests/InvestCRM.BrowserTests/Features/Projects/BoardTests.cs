using System.Text.RegularExpressions;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Projects;

/// <summary>The board applies the stage rules to a drag: a project cannot be dropped into 签约 before it is signed.</summary>
public sealed class BoardTests(KestrelApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task Dragging_an_unsigned_project_into_signed_shows_the_reason_on_the_card_and_keeps_it_in_its_column()
    {
        var title = Unique("看板拖动测试");
        var projectId = await App.ProjectAsync(title, "negotiation");
        var (negotiation, signed) = await StageNamesAsync();
        await SignInAsync(DemoAccounts.Manager);

        // Only this project on the board, so the columns hold exactly what the test put there.
        await Page.GotoAsync($"/projects/board?q={Uri.EscapeDataString(title)}");
        var from = Column(negotiation);
        var to = Column(signed);
        var card = Page.Locator($"#card-{projectId}");
        await Expect(from.Locator($"#card-{projectId}")).ToBeVisibleAsync();
        await Expect(to.Locator(".board-card")).ToHaveCountAsync(0);

        var refusal = Page.WaitForResponseAsync(r => r.Url.EndsWith($"/projects/{projectId}/move") && r.Request.Method == "POST");
        await card.Locator(".hint").DragToAsync(to.Locator(".board-cards"));
        Assert.Equal(422, (await refusal).Status);

        await Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Chinese("Rule.MissingFact.AgreementDate"));
        await Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync(UiText.Chinese("Rule.MissingFact.SignedAmount"));
        await Expect(from.Locator($"#card-{projectId}")).ToBeVisibleAsync();
        await Expect(to.Locator(".board-card")).ToHaveCountAsync(0);
        await Expect(from.Locator("[data-count]")).ToHaveTextAsync("1");
        await Expect(to.Locator("[data-count]")).ToHaveTextAsync("0");
        await ScreenshotAsync("board-refused-move");

        await Page.ReloadAsync(); // the refusal changed nothing on the server either
        await Expect(Column(negotiation).Locator($"#card-{projectId}")).ToBeVisibleAsync();
    }

    private ILocator Column(string stageName) =>
        Page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex($"^{Regex.Escape(stageName)}\\b") });

    private async Task<(string Negotiation, string Signed)> StageNamesAsync()
    {
        await using var db = App.Database.CreateContext();
        var names = await db.Stages.Where(s => s.Code == "negotiation" || s.Code == "signed").ToDictionaryAsync(s => s.Code, s => s.NameZh);
        return (names["negotiation"], names["signed"]);
    }
}
