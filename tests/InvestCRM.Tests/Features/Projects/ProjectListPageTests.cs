using System.Text.RegularExpressions;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Projects;

/// <summary>The project list through the whole app (ProjectList.razor, ProjectResults.razor): a search and its pager.</summary>
public abstract partial class ProjectListPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task The_form_in_english_names_a_chain_link_with_its_chains_english_name()
    {
        await using var db = App.Database.CreateContext();
        var node = await db.ChainNodes.AsNoTracking().Include(n => n.Chain)
            .Where(n => n.Chain!.NameEn != null).OrderBy(n => n.Id).FirstAsync(Ct);
        // A user of its own: the switch is remembered on the user, and the demo accounts serve other tests in Chinese.
        var user = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);
        using var _ = await session.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/" });

        var page = System.Net.WebUtility.HtmlDecode(await session.GetPageAsync("/projects/new"));

        Assert.Contains($"<option value=\"{node.Id}\">{node.Chain!.NameEn} · {node.NameEn ?? node.Name}</option>", page);
    }

    [Fact]
    public async Task The_owner_choice_offers_the_user_once_first_as_me()
    {
        await using var db = App.Database.CreateContext();
        var me = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.Staff, Ct);
        using var session = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);

        var page = System.Net.WebUtility.HtmlDecode(await session.GetPageAsync("/projects/new"));

        var select = Regex.Match(page, "<select[^>]*id=\"p-owner\"[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
        var options = Regex.Matches(select, "<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal((me.Id, UiText.Chinese("Projects.MeNamed").Replace("{0}", me.DisplayName)), options[0]);
        Assert.Single(options, o => o.Item2.Contains(me.DisplayName));
        Assert.True(options.Count > 1);
        Assert.DoesNotContain(options, o => o.Item1 == "");
    }

    [Fact]
    public async Task A_projects_page_links_to_its_enterprise()
    {
        var marker = "链接" + Guid.NewGuid().ToString("N")[..6];
        await ProjectsAsync(marker, 1);
        await using var db = App.Database.CreateContext();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Title == $"{marker} 项目 00", Ct);
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await session.GetPageAsync($"/projects/{project.Id}");

        Assert.Contains($"<a href=\"/enterprises/{project.EnterpriseId}\">{marker}有限公司</a>", page);
    }

    [Fact]
    public async Task A_search_counts_its_matches_and_its_pager_links_lead_to_the_next_page_and_back()
    {
        var marker = "翻页" + Guid.NewGuid().ToString("N")[..6];
        await ProjectsAsync(marker, 60);
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var first = await session.GetPageAsync("/projects?q=" + Uri.EscapeDataString(marker));
        var second = await session.GetPageAsync(Link(first, "next"));
        var back = await session.GetPageAsync(Link(second, "prev"));

        Assert.Contains(UiText.Chinese("Projects.ResultCount").Replace("{0}", "60"), first);
        Assert.Contains(UiText.Chinese("Projects.PageOf").Replace("{0}", "1").Replace("{1}", "2"), first);
        Assert.Contains(UiText.Chinese("Projects.PageOf").Replace("{0}", "2").Replace("{1}", "2"), second);
        Assert.Equal(50, Rows(first, marker));
        Assert.Equal(10, Rows(second, marker));
        Assert.Contains($"{marker} 项目 00<", second); // the oldest, last
        Assert.Contains($"{marker} 项目 59<", back); // the newest, first
    }

    /// <summary>Projects "{marker} 项目 nn" of one new enterprise, owned by the manager, each a minute newer than the one before.</summary>
    private async Task ProjectsAsync(string marker, int count)
    {
        await using var db = App.Database.CreateContext();
        var owner = await db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync(Ct);
        var lead = await db.Stages.Where(s => s.Code == "lead").Select(s => s.Id).SingleAsync(Ct);
        var enterprise = new Enterprise { Name = marker + "有限公司", NormalizedName = EnterpriseName.Normalize(marker + "有限公司"), CreatedAt = DateTimeOffset.UtcNow };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(Ct);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        db.Projects.AddRange(Enumerable.Range(0, count).Select(i => new Project
        {
            EnterpriseId = enterprise.Id, Title = $"{marker} 项目 {i:00}", OwnerId = owner, StageId = lead, StageEnteredAt = start,
            CreatedAt = start, UpdatedAt = start.AddMinutes(i),
        }));
        await db.SaveChangesAsync(Ct);
    }

    private static string Link(string page, string rel)
    {
        var link = PagerLink().Matches(page).FirstOrDefault(m => m.Groups[2].Value == rel);
        Assert.NotNull(link);
        return link.Groups[1].Value;
    }

    private static int Rows(string page, string marker) => Regex.Count(page, $">{marker} 项目 \\d\\d</a>");

    [GeneratedRegex("""<a href="([^"]+)" rel="(next|prev)">""")]
    private static partial Regex PagerLink();

    public sealed class Sqlite(SqliteApp app) : ProjectListPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ProjectListPageTests(app), IClassFixture<PostgresApp>;
}
