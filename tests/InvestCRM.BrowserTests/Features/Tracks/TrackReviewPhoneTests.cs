using System.Text.RegularExpressions;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Tracks;

/// <summary>A manager at a review meeting opens the 揭榜挂帅 list on a phone and records a review of a demo track.</summary>
public sealed class TrackReviewPhoneTests(KestrelApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    private const string Track = "抗肿瘤创新药";

    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
    };

    [Fact]
    public async Task A_manager_reviews_a_claimed_track_from_the_list_on_a_phone()
    {
        var note = Unique("季度考评：在谈项目推进正常");
        await SignInAsync(DemoAccounts.Manager);

        await Page.GotoAsync("/tracks");
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Track });
        await Expect(row).ToContainTextAsync("生物医药产业基地（金沙园）");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The list scrolls sideways on a phone.");
        await ScreenshotAsync("tracks-phone");

        await row.GetByRole(AriaRole.Link, new() { Name = Track }).TapAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Track);
        await Expect(Page.GetByText(UiText.Chinese("Track.NoReviews"))).ToBeVisibleAsync();
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The track scrolls sideways on a phone.");
        await ScreenshotAsync("track-phone");

        await Page.GetByRole(AriaRole.Link, new() { Name = UiText.Chinese("Track.Review"), Exact = true }).TapAsync();
        await Page.GetByLabel(UiText.Chinese("Field.TrackReview.Verdict")).SelectOptionAsync(new SelectOptionValue { Label = UiText.Chinese("Enum.TrackVerdict.Pass") });
        await Page.GetByLabel(UiText.Chinese("Field.TrackReview.Note")).FillAsync(note);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Common.Save") }).TapAsync();

        await Expect(Page).ToHaveURLAsync(new Regex(@"/tracks/\d+$"));
        var review = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = note });
        await Expect(review).ToContainTextAsync(UiText.Chinese("Enum.TrackVerdict.Pass"));
        await Expect(review).ToContainTextAsync("黄丽");
        await ScreenshotAsync("track-reviewed-phone");
    }
}
