using System.Globalization;
using System.Net;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Ledger;

/// <summary>
/// The ledger behind a dashboard figure, as the dashboard's monthly bars link to it (demo plan, 2021–2025): a month is
/// shown within its period, and a month, period or unit the filter cannot use is said instead of an empty or inverted range.
/// </summary>
public abstract class LedgerDrillDownTests(CrmApp app) : AppTests(app)
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [Theory]
    [InlineData("month=202105", "整个规划期（2021–2025）中的2021年5月", "2021-05-01", "2021-05-31")]
    [InlineData("month=202305&period=y3", "第3年（2023）中的2023年5月", "2023-05-01", "2023-05-31")]
    [InlineData("month=202105&period=custom&from=2021-05-10&to=2021-08-31", "中的2021年5月", "2021-05-10", "2021-05-31")]
    public async Task A_month_is_shown_within_its_period(string query, string label, string from, string to)
    {
        var html = await LedgerAsync(await PlanAsync(), query);

        Assert.Contains($"{label} ({Date(from)} – {Date(to)})</dd>", html);
        Assert.DoesNotContain("role=\"alert\"", html);
    }

    [Theory]
    [InlineData("month=202603", "整个规划期（2021–2025）", "2021-01-01", "2025-12-31", "202603")]
    [InlineData("month=202105&period=y3", "第3年（2023）", "2023-01-01", "2023-12-31", "202105")]
    [InlineData("month=202113", "整个规划期（2021–2025）", "2021-01-01", "2025-12-31", "202113")]
    public async Task A_month_outside_the_period_is_said_and_the_whole_period_shown(string query, string label, string from, string to, string month)
    {
        var html = await LedgerAsync(await PlanAsync(), query);

        Assert.Contains($"<dd>{label} ({Date(from)} – {Date(to)})</dd>", html);
        Assert.Contains(Alert(string.Format(UiText.Chinese("Report.MonthUnusable"), month)), html);
    }

    [Theory]
    [InlineData("/ledger", "park=999999", "Projects.Park")]
    [InlineData("/ledger", "team=999999", "Projects.Team")]
    [InlineData("/", "chain=999999", "Projects.Chain")]
    [InlineData("/", "incubator=999999", "Projects.Incubator")]
    [InlineData("/funnel", "park=999999", "Projects.Park")]
    public async Task An_unknown_unit_in_the_filter_is_said(string page, string query, string unit)
    {
        var html = await PageAsync($"{page}?plan={await PlanAsync()}&{query}");

        Assert.Contains(Alert(string.Format(UiText.Chinese("Report.UnknownUnit"), UiText.Chinese(unit), 999999)), html);
    }

    [Theory]
    [InlineData("/ledger")]
    [InlineData("/")]
    public async Task An_unknown_period_is_said_and_the_whole_plan_shown(string page)
    {
        var html = await PageAsync($"{page}?plan={await PlanAsync()}&period=zz");

        Assert.Contains(Alert(string.Format(UiText.Chinese("Report.PeriodUnknown"), "zz")), html);
        Assert.DoesNotContain(Alert(UiText.Chinese("Report.CustomPeriodUnreadable")), html);
    }

    [Fact]
    public async Task A_known_filter_says_nothing()
    {
        var html = await PageAsync($"/?plan={await PlanAsync()}&period=y3");

        Assert.DoesNotContain("role=\"alert\"", html);
    }

    [Fact]
    public async Task In_english_the_month_is_named_in_english()
    {
        var user = await App.CreateUserAsync(Roles.Manager);
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);
        using var switched = await session.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });

        var html = WebUtility.HtmlDecode(await session.GetPageAsync($"/ledger?plan={await PlanAsync()}&month=202105"));

        Assert.Contains("<dd>May 2021, within Whole plan (2021–2025) (5/1/2021 – 5/31/2021)</dd>", html);
    }

    private async Task<string> LedgerAsync(int plan, string query) => await PageAsync($"/ledger?plan={plan}&{query}");

    private async Task<string> PageAsync(string url)
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        return WebUtility.HtmlDecode(await session.GetPageAsync(url));
    }

    /// <summary>The demo plan, 三明中关村科技园 2021–2025.</summary>
    private async Task<int> PlanAsync()
    {
        await using var db = App.Database.CreateContext();
        return await db.Plans.Where(p => p.StartYear == 2021 && p.EndYear == 2025).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
    }

    private static string Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture).ToString("d", Zh);

    private static string Alert(string text) => $"<p class=\"field-error\" role=\"alert\">{text}</p>";

    public sealed class Sqlite(SqliteApp app) : LedgerDrillDownTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : LedgerDrillDownTests(app), IClassFixture<PostgresApp>;
}
