using System.Net;
using InvestCRM.Features.Projects;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Forms;

/// <summary>
/// A posted value that does not fit its field (letters for a number, an impossible date, an unknown choice) is refused
/// with the field marked and the value quoted, never saved as if the field had been left empty.
/// </summary>
public abstract class UnreadableInputTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task A_project_with_an_unreadable_amount_or_date_is_not_saved_and_the_fields_say_why()
    {
        await using var db = App.Database.CreateContext();
        var enterprise = await db.Enterprises.Select(e => e.Id).FirstAsync(Ct);
        var title = $"无法识别输入测试{Guid.NewGuid():N}"[..16];
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        Dictionary<string, string> Fields(string investment, string nextAction) => new()
        {
            ["Input.EnterpriseId"] = enterprise.ToString(), ["Input.Title"] = title, ["Input.Source"] = "SelfSourced",
            ["Input.PlannedInvestmentWan"] = investment, ["Input.NextActionOn"] = nextAction,
        };

        using var refused = await staff.SubmitFormAsync("/projects/new", "project", Fields("1万2", "2026-13-45"));
        var page = WebUtility.HtmlDecode(await WebSession.ReadTextAsync(refused));
        var savedAfterRefusal = await db.Projects.CountAsync(p => p.Title == title, Ct);
        using var saved = await staff.SubmitFormAsync("/projects/new", "project", Fields("12000", "2026-12-31"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(string.Format(UiText.Chinese("Validation.Unreadable"), "“1万2” “2026-13-45”"), page);
        Assert.Contains(UiText.Chinese("Validation.Number"), page);
        Assert.Contains(UiText.Chinese("Validation.Date"), page);
        Assert.Contains("aria-invalid=\"true\" name=\"Input.PlannedInvestmentWan\"", page);
        Assert.Equal(0, savedAfterRefusal);
        Assert.True(WebSession.IsRedirect(saved), await WebSession.ReadTextAsync(saved));
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Title == title, Ct);
        Assert.Equal((12000m, new DateOnly(2026, 12, 31)), (project.PlannedInvestmentWan, project.NextActionOn));
    }

    [Theory]
    [InlineData("abc", "Validation.Number")]
    [InlineData("", "Validation.Required")]
    public async Task A_target_with_an_unreadable_or_missing_value_says_why_in_the_users_language(string value, string message)
    {
        await using var db = App.Database.CreateContext();
        var before = await db.Targets.CountAsync(Ct);
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var refused = await manager.SubmitFormAsync("/targets/new", "target", new Dictionary<string, string>
        {
            ["Input.Metric"] = "EnterprisesIntroduced", ["Input.Scope"] = "Plan", ["Input.Period"] = "PlanYear", ["Input.Year"] = "1",
            ["Input.Value"] = value,
        });
        var page = WebUtility.HtmlDecode(await WebSession.ReadTextAsync(refused));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"<span class=\"field-error\" role=\"alert\">{UiText.Chinese(message)}</span>", page);
        Assert.DoesNotContain("is not valid for", page);
        Assert.Equal(before, await db.Targets.CountAsync(Ct));
    }

    /// <summary>A whole-number field steps by 1 in the browser, and a fraction posted anyway is refused as not whole.</summary>
    [Fact]
    public async Task A_fraction_for_a_whole_number_field_says_to_enter_a_whole_number()
    {
        await using var db = App.Database.CreateContext();
        var before = await db.Targets.CountAsync(Ct);
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var form = await manager.GetPageAsync("/targets/new");
        using var refused = await manager.SubmitFormAsync("/targets/new", "target", new Dictionary<string, string>
        {
            ["Input.Metric"] = "EnterprisesIntroduced", ["Input.Scope"] = "Plan", ["Input.Period"] = "PlanYear", ["Input.Year"] = "1.5",
            ["Input.Value"] = "10",
        });
        var page = WebUtility.HtmlDecode(await WebSession.ReadTextAsync(refused));

        var year = System.Text.RegularExpressions.Regex.Match(form, "<input[^>]*id=\"year\"[^>]*>").Value;
        Assert.Contains("step=\"1\"", year);
        Assert.DoesNotContain("step=\"any\"", year);
        Assert.Contains("min=\"1\"", year);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"<span class=\"field-error\" role=\"alert\">{UiText.Chinese("Validation.WholeNumber")}</span>", page);
        Assert.DoesNotContain(UiText.Chinese("Validation.Number"), page);
        Assert.Equal(before, await db.Targets.CountAsync(Ct));
    }

    [Fact]
    public async Task A_board_move_with_an_unreadable_stage_or_version_is_refused_on_the_card_and_moves_nothing()
    {
        await using var db = App.Database.CreateContext();
        // A lead moving one stage on needs no facts, so only the unreadable value can refuse it.
        var stages = await db.Stages.OrderBy(s => s.Order).Select(s => s.Id).Take(2).ToListAsync(Ct);
        var project = await db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Active && p.StageId == stages[0]).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.StageId, p.Version }).FirstAsync(Ct);
        var next = stages[1];
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        Task<HttpResponseMessage> Move(string stage, string version) => manager.SubmitAsync("/projects/board", $"/projects/{project.Id}/move",
            new Dictionary<string, string> { ["toStageId"] = stage, ["version"] = version });

        using var badStage = await Move("abc", project.Version.ToString());
        using var badVersion = await Move(next.ToString(), "v1");
        using var fromBoard = new HttpRequestMessage(HttpMethod.Post, $"/projects/{project.Id}/move")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["toStageId"] = "1e3", ["version"] = project.Version.ToString() }),
        };
        fromBoard.Headers.Add("HX-Request", "true");
        fromBoard.Headers.Add("RequestVerificationToken", await manager.TokenAsync("/projects/board"));
        using var card = await manager.Client.SendAsync(fromBoard, Ct);

        Assert.Equal($"/projects/{project.Id}?moveTo=0&problem=Rule.UnknownStage", WebSession.RedirectTarget(badStage)?.Split('#')[0]);
        Assert.Equal($"/projects/{project.Id}?moveTo={next}&problem=Rule.Concurrency", WebSession.RedirectTarget(badVersion)?.Split('#')[0]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, card.StatusCode);
        Assert.Contains(UiText.Chinese("Rule.UnknownStage"), await WebSession.ReadTextAsync(card));
        var after = await db.Projects.AsNoTracking().Where(p => p.Id == project.Id).Select(p => new { p.Id, p.StageId, p.Version }).SingleAsync(Ct);
        Assert.Equal(project, after);
    }

    public sealed class Sqlite(SqliteApp app) : UnreadableInputTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : UnreadableInputTests(app), IClassFixture<PostgresApp>;
}
