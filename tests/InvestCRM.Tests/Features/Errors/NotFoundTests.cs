using System.Net;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Errors;

public abstract class NotFoundTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Unknown_url_answers_404_with_the_localized_page()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var response = await session.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await WebSession.ReadTextAsync(response);
        Assert.Contains(UiText.Chinese("Error.NotFound.Title"), page);
        Assert.Contains(UiText.Chinese("Error.NotFound.Body"), page);
    }

    [Fact]
    public async Task Unknown_url_is_localized_in_english_too()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);
        using var switched = await session.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });
        Assert.True(WebSession.IsRedirect(switched));

        using var response = await session.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(UiText.English("Error.NotFound.Title"), await WebSession.ReadTextAsync(response));
    }

    /// <summary>
    /// A form posted to the page of a record that is not there (deleted meanwhile, or a made-up id) answers the same
    /// localised 404 as opening the page, not the framework's 400 for a form the page did not render.
    /// </summary>
    [Fact]
    public async Task Posting_a_form_for_a_missing_record_answers_the_localised_404()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var token = await session.TokenAsync("/tracks");

        foreach (var (url, form) in new[]
                 {
                     ("/events/999999/edit", "event-edit"), ("/tracks/999999/claim", "track-claim"), ("/tracks/999999/review", "track-review"),
                     ("/tracks/999999/edit", "track"), ("/projects/999999/edit", "project"), ("/chains/999999/edit", "chain"),
                 })
        {
            using var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["_handler"] = form, ["Input.Name"] = "不存在",
            }), Ct);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            var page = await WebSession.ReadTextAsync(response);
            Assert.Contains(UiText.Chinese("Error.NotFound.Title"), page);
            Assert.DoesNotContain("Cannot submit the form", page);
        }
    }

    /// <summary>Anonymous visitors are sent to sign in for any URL: what exists is not shown to strangers.</summary>
    [Fact]
    public async Task Unknown_url_sends_anonymous_visitors_to_sign_in()
    {
        using var session = App.NewSession();

        using var response = await session.GetAsync("/no-such-page");

        Assert.Equal("/account/login?ReturnUrl=%2Fno-such-page", WebSession.RedirectTarget(response));
    }

    public sealed class Sqlite(SqliteApp app) : NotFoundTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : NotFoundTests(app), IClassFixture<PostgresApp>;
}
