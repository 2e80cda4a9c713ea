using System.Net;
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

    public sealed class Sqlite(SqliteApp app) : UnreadableInputTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : UnreadableInputTests(app), IClassFixture<PostgresApp>;
}
