using System.Net;
using System.Text.RegularExpressions;
using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Projects;

public abstract class BoardCardTests(CrmApp app) : AppTests(app)
{
    /// <summary>A next action whose day has passed (China time) is marked on its card in words and colour, as on My work.</summary>
    [Fact]
    public async Task A_card_whose_next_action_is_past_is_marked_overdue_and_one_due_today_is_not()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var staff = await App.SignedInSessionAsync(user.Email, user.Password);
        var today = ChinaTime.Today(TimeProvider.System);
        var late = await CreateAsync(staff, "逾期看板卡片", today.AddDays(1));
        var due = await CreateAsync(staff, "今日看板卡片", today.AddDays(1));
        await using (var db = App.Database.CreateContext())
        {
            await db.Projects.Where(p => p.Id == late).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextActionOn, today.AddDays(-1)), Ct);
            await db.Projects.Where(p => p.Id == due).ExecuteUpdateAsync(s => s.SetProperty(p => p.NextActionOn, today), Ct);
        }

        var board = WebUtility.HtmlDecode(await staff.GetPageAsync($"/projects/board?owner={user.Id}"));

        var overdue = UiText.Chinese("Projects.Overdue");
        Assert.Contains(overdue, Card(board, late));
        Assert.Contains("badge-warn", Card(board, late));
        Assert.DoesNotContain(overdue, Card(board, due));
        Assert.DoesNotContain("badge-warn", Card(board, due));
    }

    private static string Card(string board, int id)
    {
        var card = Regex.Match(board, $"<li class=\"board-card\" id=\"card-{id}\".*?</li>", RegexOptions.Singleline);
        Assert.True(card.Success, $"No card {id} on the board.");
        return card.Value;
    }

    private async Task<int> CreateAsync(WebSession staff, string title, DateOnly nextAction)
    {
        await using var db = App.Database.CreateContext();
        var enterprise = await db.Enterprises.Select(e => e.Id).FirstAsync(Ct);
        title = $"{title}{Guid.NewGuid():N}"[..20];
        using var saved = await staff.SubmitFormAsync("/projects/new", "project", new Dictionary<string, string>
        {
            ["Input.EnterpriseId"] = enterprise.ToString(), ["Input.Title"] = title, ["Input.Source"] = "SelfSourced",
            ["Input.NextActionOn"] = nextAction.ToString("yyyy-MM-dd"),
        });
        Assert.True(WebSession.IsRedirect(saved), await WebSession.ReadTextAsync(saved));
        return await db.Projects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync(Ct);
    }

    public sealed class Sqlite(SqliteApp app) : BoardCardTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : BoardCardTests(app), IClassFixture<PostgresApp>;
}
