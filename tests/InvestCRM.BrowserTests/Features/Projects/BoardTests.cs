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
        await Expect(to.Locator(".board-cards")).ToHaveAttributeAsync("data-sortable", "true"); // board.js ran
        await DragAsync(card.Locator(".hint"), to.Locator(".board-cards"));
        Assert.Equal(422, (await refusal).Status);

        await Expect(card.GetByRole(AriaRole.Alert).Filter(new() { HasText = UiText.Chinese("Rule.MissingFact.AgreementDate") })).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Alert).Filter(new() { HasText = UiText.Chinese("Rule.MissingFact.SignedAmount") })).ToBeVisibleAsync();
        await Expect(from.Locator($"#card-{projectId}")).ToBeVisibleAsync();
        await Expect(to.Locator(".board-card")).ToHaveCountAsync(0);
        await Expect(from.Locator("[data-count]")).ToHaveTextAsync("1");
        await Expect(to.Locator("[data-count]")).ToHaveTextAsync("0");
        await ScreenshotAsync("board-refused-move");

        await Page.ReloadAsync(); // the refusal changed nothing on the server either
        await Expect(Column(negotiation).Locator($"#card-{projectId}")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Presses, moves in small steps and releases, as a hand would: SortableJS starts a drag only after the
    /// pointer has moved a little while pressed, which a single jump to the target does not do.
    /// </summary>
    private async Task DragAsync(ILocator source, ILocator target)
    {
        var from = await source.BoundingBoxAsync() ?? throw new InvalidOperationException("The card is not on screen.");
        var to = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The column is not on screen.");
        await Page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(from.X + (from.Width / 2) + 10, from.Y + (from.Height / 2) + 10, new() { Steps = 5 });
        await Page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + (to.Height / 2), new() { Steps = 20 });
        await Page.Mouse.UpAsync();
    }

    /// <summary>A stage column: its name then its card count (the regex runs in the browser, so no Unicode \\b).</summary>
    private ILocator Column(string stageName) =>
        Page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex($"^{Regex.Escape(stageName)}\\s+\\d+$") });

    private async Task<(string Negotiation, string Signed)> StageNamesAsync()
    {
        await using var db = App.Database.CreateContext();
        var names = await db.Stages.Where(s => s.Code == "negotiation" || s.Code == "signed").ToDictionaryAsync(s => s.Code, s => s.NameZh);
        return (names["negotiation"], names["signed"]);
    }
}
