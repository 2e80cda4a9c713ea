using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Home;

/// <summary>The dashboard and its export through the real app, on the demo plan, filtered by a base with parks inside it.</summary>
public abstract class DashboardPageTests(CrmApp app) : AppTests(app)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Manager_sees_the_filtered_dashboard_with_its_figures()
    {
        var expected = await ExpectedAsync();
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await session.GetPageAsync($"/?plan={expected.PlanId}&period=all&park={expected.BaseId}");

        Assert.Contains($"<option value=\"{expected.BaseId}\" selected", page);
        Assert.Equal(expected.Targets, CountOf(page, "href=\"/ledger?target="));
        var total = expected.OpenProjects.ToString("#,0.##", CultureInfo.GetCultureInfo("zh-CN"));
        Assert.Contains($"<th>{UiText.Chinese("Dashboard.Total")}</th><td class=\"num\">{total}</td>", page);
        Assert.Matches($"href=\"/dashboard/export\\?plan={expected.PlanId}&(amp;)?period=all&(amp;)?park={expected.BaseId}\"", page);

        var ledger = await session.GetPageAsync($"/ledger?plan={expected.PlanId}&period=all&park={expected.BaseId}");
        Assert.Contains(UiText.Chinese("Ledger.Title"), ledger);
    }

    /// <summary>On a phone the completion rows become cards whose cells name themselves (app.css): each cell carries its column's header.</summary>
    [Fact]
    public async Task Every_completion_cell_carries_its_columns_header_for_the_phone_layout()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = WebUtility.HtmlDecode(await session.GetPageAsync("/"));

        var table = Regex.Match(page, "<table class=\"data completion\">.*?</table>", RegexOptions.Singleline).Value;
        var headers = Regex.Matches(Regex.Match(table, "<thead>.*?</thead>", RegexOptions.Singleline).Value, "<th(?: [^>]*)?>(.*?)</th>").Select(m => m.Groups[1].Value).ToList();
        var rows = Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Skip(1).ToList();
        Assert.Equal(7, headers.Count);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(headers, Regex.Matches(row.Value, "<td[^>]*data-label=\"([^\"]*)\"").Select(m => m.Groups[1].Value)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/funnel")]
    [InlineData("/forecast")]
    public async Task A_plan_that_does_not_exist_is_not_found_rather_than_no_plan_at_all(string page)
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var response = await session.GetAsync($"{page}?plan=999999");
        var html = await WebSession.ReadTextAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(UiText.Chinese("Error.NotFound.Title"), html);
        Assert.DoesNotContain(UiText.Chinese("Dashboard.NoPlan"), html);
    }

    [Theory]
    [InlineData("/", "from=2026-06-30&to=2026-01-01", true)]
    [InlineData("/funnel", "from=2026-01-01", true)]
    [InlineData("/ledger", "from=2023-01-01&to=2022-01-01", true)]
    [InlineData("/ledger", "from=1899-01-01&to=1901-12-31", true)]
    [InlineData("/", "from=2026-01-01&to=2026-06-30", false)]
    public async Task A_custom_period_it_cannot_read_is_said_not_silently_replaced(string page, string dates, bool refused)
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var html = WebUtility.HtmlDecode(await session.GetPageAsync($"{page}?period=custom&{dates}"));

        Assert.Equal(refused, html.Contains($"<p class=\"field-error\" role=\"alert\">{UiText.Chinese("Report.CustomPeriodUnreadable")}</p>"));
    }

    /// <summary>The top lists name their units from the reference cache: a team renamed through the app shows at once.</summary>
    [Fact]
    public async Task A_team_renamed_through_the_app_shows_in_the_top_teams_at_once()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var page = await session.GetPageAsync("/?period=all");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var top = (await db.Teams.ToListAsync(Ct)).First(t => TopUnitLink("team", t.Id, t.Name).IsMatch(page));

        top.Name = "更名后的招商组";
        await db.SaveChangesAsync(Ct);

        Assert.Matches(TopUnitLink("team", top.Id, "更名后的招商组"), await session.GetPageAsync("/?period=all"));
    }

    /// <summary>The plan's targets are kept in the reference cache: a target added through the app shows at once.</summary>
    [Fact]
    public async Task A_target_added_through_the_app_shows_at_once()
    {
        var expected = await ExpectedAsync();
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var url = $"/?plan={expected.PlanId}&period=all&park={expected.BaseId}";
        Assert.Equal(expected.Targets, CountOf(await session.GetPageAsync(url), "href=\"/ledger?target="));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Targets.Add(new PlanTarget
            {
                PlanId = expected.PlanId, Metric = TargetMetric.TaxWan, Scope = TargetScope.Park, ScopeId = expected.BaseId,
                Period = TargetPeriod.CumulativeToPlanYear, Year = 2, Value = 1000,
            });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(expected.Targets + 1, CountOf(await session.GetPageAsync(url), "href=\"/ledger?target="));
    }

    [Fact]
    public async Task Partners_cannot_see_the_dashboard_or_its_export()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);

        using var page = await session.GetAsync("/?period=all");
        using var export = await session.GetAsync("/dashboard/export?period=all");
        using var ledger = await session.GetAsync("/ledger?period=all");

        // Their home is the portal: the home links of every page take them there.
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/portal", page.Headers.Location?.OriginalString);
        Assert.NotEqual(XlsxType, export.Content.Headers.ContentType?.MediaType);
        Assert.False(export.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ledger.StatusCode);
    }

    [Fact]
    public async Task Export_downloads_the_filtered_completion_with_the_filter_line_in_the_users_language()
    {
        var expected = await ExpectedAsync();
        var url = $"/dashboard/export?plan={expected.PlanId}&period=all&park={expected.BaseId}";
        using var chinese = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var manager = await App.CreateUserAsync(Roles.Manager);
        using var english = await App.SignedInSessionAsync(manager.Email, manager.Password);
        using var switched = await english.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });

        var zh = await DownloadAsync(chinese, url);
        var en = await DownloadAsync(english, url);

        Assert.Contains($"{UiText.Chinese("Projects.Park")}：{expected.BaseName}", zh[0][0]);
        Assert.Contains(expected.PlanName, zh[0][0]);
        Assert.Equal(HeadersIn(UiText.Chinese), zh[1]);
        Assert.Equal(HeadersIn(UiText.English), en[1]);
        Assert.Equal(expected.Targets + 2, zh.Count);
        Assert.All(zh.Skip(2), row => Assert.Equal(7, row.Length));
    }

    /// <summary>A user reading in English sees the units that targets count for by their English names, where they have one.</summary>
    [Fact]
    public async Task In_english_targets_name_their_units_by_their_english_names()
    {
        var expected = await ExpectedAsync();
        var manager = await App.CreateUserAsync(Roles.Manager);
        using var english = await App.SignedInSessionAsync(manager.Email, manager.Password);
        using var switched = await english.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });
        var scope = $"{UiText.English("Enum.TargetScope.Park")} · {expected.BaseNameEn}";

        var dashboard = await english.GetPageAsync($"/?plan={expected.PlanId}&period=all&park={expected.BaseId}");
        var targets = await english.GetPageAsync("/targets");
        var form = await english.GetPageAsync("/targets/new");
        var export = await DownloadAsync(english, $"/dashboard/export?plan={expected.PlanId}&period=all&park={expected.BaseId}");

        Assert.Contains($"<td data-label=\"{UiText.English("Target.Scope")}\">{scope}</td>", dashboard);
        Assert.DoesNotContain(expected.BaseName + "</td>", dashboard);
        Assert.Contains($"<h2>{scope}</h2>", targets);
        Assert.Contains($">{expected.BaseNameEn}</option>", form);
        Assert.Contains(export.Skip(2), row => row[1] == scope);
        Assert.DoesNotContain(export.Skip(2), row => row[1].Contains(expected.BaseName, StringComparison.Ordinal));
    }

    private static string[] HeadersIn(Func<string, string> text) =>
        [text("Target.Metric"), text("Target.Scope"), text("Target.Period"), text("Completion.Actual"), text("Target.Value"), text("Completion.Percent"), text("Completion.Pace")];

    private static async Task<List<string[]>> DownloadAsync(WebSession session, string url)
    {
        using var response = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return DashboardExportTests.Read(body);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>The demo plan's first base with parks inside it, its targets and its open projects, read from the database.</summary>
    private async Task<Expected> ExpectedAsync()
    {
        await using var db = App.Database.CreateContext();
        var plan = await db.Plans.OrderByDescending(p => p.StartYear).ThenByDescending(p => p.Id).FirstAsync(Ct);
        var parks = await db.Parks.Where(p => p.PlanId == plan.Id).ToListAsync(Ct);
        var bases = parks.First(p => parks.Any(c => c.ParentId == p.Id));
        var ids = parks.Where(p => p.Id == bases.Id || p.ParentId == bases.Id).Select(p => p.Id).ToList();
        var targets = await db.Targets.CountAsync(t => t.PlanId == plan.Id && t.Scope == TargetScope.Park && ids.Contains(t.ScopeId ?? 0), Ct);
        var open = await db.Projects.CountAsync(p => ids.Contains(p.ParkId ?? 0) && (p.Status == ProjectStatus.Active || p.Status == ProjectStatus.OnHold), Ct);
        return new Expected(plan.Id, plan.Name, bases.Id, bases.Name, bases.NameEn!, targets, open);
    }

    private sealed record Expected(int PlanId, string PlanName, int BaseId, string BaseName, string BaseNameEn, int Targets, int OpenProjects);

    private static Regex TopUnitLink(string unit, int id, string name) => new($"[?&;]{unit}={id}[^\"]*\">{Regex.Escape(name)}</a>");

    public sealed class Sqlite(SqliteApp app) : DashboardPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : DashboardPageTests(app), IClassFixture<PostgresApp>;
}
