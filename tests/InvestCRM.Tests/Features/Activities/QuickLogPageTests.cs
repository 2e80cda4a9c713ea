using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Activities;

/// <summary>The quick-log post reads the form's choices only when it shows the form again.</summary>
public abstract class QuickLogPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task A_valid_log_is_saved_and_redirects_to_it()
    {
        var staff = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(staff.Email, staff.Password);
        var project = await AnyProjectAsync();
        var summary = $"快速记录测试-{Guid.NewGuid():N}";

        using var saved = await session.SubmitFormAsync("/activities/new", "quick-log", Fields(project, summary));

        await using var db = App.Database.CreateContext(await App.CurrentUserAsync(staff.Email));
        var activity = await db.Activities.SingleAsync(a => a.Summary == summary, Ct);
        Assert.Equal($"/activities/{activity.Id}?logged=1", WebSession.RedirectTarget(saved));
        Assert.Equal((project.Id, staff.Id), (activity.ProjectId, activity.CreatedById));
    }

    [Fact]
    public async Task An_invalid_log_shows_the_form_again_with_its_choices()
    {
        var staff = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(staff.Email, staff.Password);
        var project = await AnyProjectAsync();

        using var refused = await session.SubmitFormAsync("/activities/new", "quick-log", Fields(project, ""));

        var html = await WebSession.ReadTextAsync(refused);
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UiText.Chinese("Validation.Required"), html);
        // The project is still picked, and the staff to add are listed: the choices were read for the second showing.
        Assert.Contains(project.Title, html);
        Assert.Contains($"name=\"participant\" value=\"{staff.Id}\"", html);
    }

    [Fact]
    public async Task A_log_dated_tomorrow_is_refused_on_its_time_and_the_form_offers_no_later_than_tonight()
    {
        var staff = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(staff.Email, staff.Password);
        var project = await AnyProjectAsync();
        var summary = $"明日记录测试-{Guid.NewGuid():N}";
        var today = InvestCRM.Features.Common.ChinaTime.Clock.GetLocalNow().Date;
        var fields = Fields(project, summary);
        fields["Input.OccurredAt"] = today.AddDays(1).ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture);

        using var refused = await session.SubmitFormAsync("/activities/new", "quick-log", fields);

        var html = System.Net.WebUtility.HtmlDecode(await WebSession.ReadTextAsync(refused));
        Assert.Contains($"<span class=\"field-error\" role=\"alert\">{UiText.Chinese("Rule.ActivityInFuture")}</span>", html);
        Assert.Contains($"max=\"{today:yyyy-MM-dd}T23:59\"", html);
        await using var db = App.Database.CreateContext(CurrentUser.System);
        Assert.False(await db.Activities.AnyAsync(a => a.Summary == summary, Ct));
    }

    private static Dictionary<string, string> Fields((int Id, int EnterpriseId, string Title) project, string summary) => new()
    {
        ["Input.ProjectId"] = project.Id.ToString(), ["Input.EnterpriseId"] = project.EnterpriseId.ToString(),
        ["Input.Type"] = "Call", ["Input.Summary"] = summary,
    };

    private async Task<(int Id, int EnterpriseId, string Title)> AnyProjectAsync()
    {
        await using var db = App.Database.CreateContext(CurrentUser.System);
        var project = await db.Projects.OrderBy(p => p.Id).Select(p => new { p.Id, p.EnterpriseId, p.Title }).FirstAsync(Ct);
        return (project.Id, project.EnterpriseId, project.Title);
    }

    public sealed class Sqlite(SqliteApp app) : QuickLogPageTests(app), IClassFixture<SqliteApp>;
    public sealed class Postgres(PostgresApp app) : QuickLogPageTests(app), IClassFixture<PostgresApp>;
}
