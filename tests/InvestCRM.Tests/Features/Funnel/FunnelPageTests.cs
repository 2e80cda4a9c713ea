using System.Net;
using InvestCRM.Data;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Funnel;

/// <summary>
/// The pages and the export through the whole app. Each test makes its own park with two projects in it, so the park
/// filter isolates them: P (100 万) moved to contact today, Q (250 万) dropped at lead for lack of funding.
/// Park, this calendar year: lead 2 / 350 万, contact 1 / 100 万, lead → contact 50%, one lead stay of 0 days, one drop (资金).
/// </summary>
public abstract class FunnelPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Manager_sees_the_funnel_with_table_chart_and_cohorts()
    {
        var (planId, parkId, _) = await TwoProjectParkAsync();
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await session.GetPageAsync($"/funnel?plan={planId}&period={ThisYear}&park={parkId}");

        Assert.Contains(UiText.Chinese("Funnel.Title"), page);
        Assert.Contains("data-chart=", page);
        Assert.Contains(UiText.Chinese("Funnel.Cohorts"), page);
        Assert.Contains(UiText.Chinese("Enum.DropReason.Funding"), page);
        Assert.Contains("50%", page);
    }

    /// <summary>The app's own contexts (from its services) invalidate its reference cache: the renamed park shows at once.</summary>
    [Fact]
    public async Task A_park_renamed_through_the_app_shows_in_the_filter_at_once()
    {
        var (planId, parkId, parkName) = await TwoProjectParkAsync();
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        Assert.Contains(parkName, await session.GetPageAsync($"/funnel?plan={planId}&park={parkId}"));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            (await db.Parks.SingleAsync(p => p.Id == parkId, Ct)).Name = parkName + "新区";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Contains(parkName + "新区", await session.GetPageAsync($"/funnel?plan={planId}&park={parkId}"));
    }

    [Fact]
    public async Task Partners_get_not_found_for_the_funnel_its_export_and_the_forecast()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);

        foreach (var url in new[] { "/funnel", "/funnel/export", "/forecast" })
        {
            using var response = await session.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Forecast_renders_for_staff_with_its_method_explained()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);

        var page = await session.GetPageAsync("/forecast");

        Assert.Contains(UiText.Chinese("Forecast.Title"), page);
        Assert.Contains(UiText.Chinese("Forecast.Hint"), page);
        // The demo plan (2021–2025) has ended: the page says so rather than only that nothing is running.
        Assert.Contains(string.Format(UiText.Chinese("Forecast.PlanEnded"), 2021, 2025), page);
    }

    [Fact]
    public async Task Export_cells_equal_the_funnel_figures_with_chinese_headers_and_the_filter()
    {
        var (planId, parkId, parkName) = await TwoProjectParkAsync();
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var response = await session.GetAsync($"/funnel/export?plan={planId}&period={ThisYear}&park={parkId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = SheetRows.Read(stream);

        Assert.Contains(parkName, rows[0][0]);
        Assert.StartsWith(UiText.Chinese("Funnel.FilterLine")[..4], rows[0][0]);
        Assert.Equal([UiText.Chinese("Funnel.Stage"), UiText.Chinese("Funnel.Reached"), UiText.Chinese("Funnel.Amount")], rows[1][..3]);
        Assert.Equal(["线索", "2", "350", "0.5", "1", "1", "0 天", "0 天", "1", "1", "0", "0", "0", "0", "0"], rows[2]);
        Assert.Equal(["接洽", "1", "100", "0", "0.5", "0", "", "", "0"], rows[3][..9]); // none reached site visit: 0%
    }

    [Fact]
    public async Task Dropping_without_a_reason_category_is_refused_with_a_localised_message_and_changes_nothing()
    {
        var (_, parkId, _) = await TwoProjectParkAsync();
        await using var db = App.Database.CreateContext();
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.ParkId == parkId && p.Status == ProjectStatus.Active, Ct);
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var response = await session.SubmitFormAsync($"/projects/{project.Id}", "status", new Dictionary<string, string>
        {
            ["Status.Status"] = nameof(ProjectStatus.Dropped), ["Status.Reason"] = "企业决定不来了", ["Status.Version"] = project.Version.ToString(),
        });
        var page = await WebSession.ReadTextAsync(response);
        var after = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == project.Id, Ct);

        Assert.Contains(UiText.Chinese("Rule.DropReasonRequired"), page);
        Assert.Equal((ProjectStatus.Active, project.Version, null), (after.Status, after.Version, after.DropReason));
        Assert.Equal(2, await db.StageChanges.CountAsync(c => c.ProjectId == project.Id, Ct));
    }

    /// <summary>The calendar year in China time: the demo plan may have ended, and the projects are made today.</summary>
    private static string ThisYear => $"cal{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year}";

    /// <summary>A new park of the demo plan with the two projects described above; returns the plan, park and park name.</summary>
    private async Task<(int PlanId, int ParkId, string ParkName)> TwoProjectParkAsync()
    {
        await using var setup = App.Database.CreateContext();
        var manager = await setup.Users.AsNoTracking().FirstAsync(u => u.Email == DemoAccounts.Manager, Ct);
        var plan = await setup.Plans.AsNoTracking().OrderBy(p => p.Id).FirstAsync(Ct);
        var park = new Park { PlanId = plan.Id, Name = $"漏斗测试园{Guid.NewGuid():N}"[..12] };
        setup.Parks.Add(park);
        await setup.SaveChangesAsync(Ct);

        var user = new CurrentUser(manager.Id, manager.DisplayName, new HashSet<string> { Roles.Manager }, null, null);
        await using var db = App.Database.CreateContext(user);
        var projects = new ProjectService(db, new LedgerService(db, TimeProvider.System), new ReferenceCache(), TimeProvider.System, new Notifier(db, TimeProvider.System));
        var p = await CreateAsync(db, projects, park.Id, "P", 100);
        var q = await CreateAsync(db, projects, park.Id, "Q", 250);
        Assert.True((await projects.MoveAsync(p, 0, new StageMove(Stage(db, "contact"), null), Ct)).Succeeded);
        Assert.True((await projects.SetStatusAsync(q, 0, ProjectStatus.Dropped, "资金链断裂", DropReason.Funding, Ct)).Succeeded);
        return (plan.Id, park.Id, park.Name);
    }

    private static int Stage(CrmDbContext db, string code) => db.Stages.AsNoTracking().Single(s => s.Code == code).Id;

    private static async Task<int> CreateAsync(CrmDbContext db, ProjectService projects, int parkId, string title, decimal planned)
    {
        var enterprise = new Enterprise { Name = $"{title}{Guid.NewGuid():N}", NormalizedName = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var outcome = await projects.CreateAsync(new ProjectInput
        {
            EnterpriseId = enterprise.Id, Title = $"漏斗项目{title}", ParkId = parkId, PlannedInvestmentWan = planned, Source = ProjectSource.SelfSourced,
        }, TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(x => x.Code)));
        db.ChangeTracker.Clear();
        return outcome.Id;
    }

    public sealed class Sqlite(SqliteApp app) : FunnelPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : FunnelPageTests(app), IClassFixture<PostgresApp>;
}
