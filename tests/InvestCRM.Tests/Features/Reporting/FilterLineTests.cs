using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Reporting;

/// <summary>A "filter used" line, on a page or an export's title row, joins its parts in the reader's language.</summary>
public abstract class FilterLineTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Filter_parts_are_joined_with_a_full_width_semicolon_in_chinese_and_a_plain_one_in_english()
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var chinese = await LinesAsync(session);
        using var switched = await session.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });
        var english = await LinesAsync(session);

        foreach (var line in chinese)
        {
            Assert.Contains($"；{UiText.Chinese(line.Contains(UiText.Chinese("Report.Plan")) ? "Report.Period" : "Projects.Search")}：", line);
        }

        foreach (var line in english)
        {
            Assert.Contains($"; {UiText.English(line.Contains(UiText.English("Report.Plan")) ? "Report.Period" : "Projects.Search")}: ", line);
            Assert.DoesNotContain("；", line);
            Assert.DoesNotContain("：", line);
        }
    }

    /// <summary>The funnel page's line, then the title rows of the funnel's, the dashboard's and the project list's exports.</summary>
    private async Task<List<string>> LinesAsync(WebSession session)
    {
        var page = await session.GetPageAsync("/funnel");
        var line = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<p class=\"print-only\">(.*?)</p>").Groups[1].Value);
        var lines = new List<string> { line };
        foreach (var url in new[] { "/funnel/export", "/dashboard/export", "/projects/export?status=Active&q=zz" })
        {
            using var response = await session.GetAsync(url);
            lines.Add(SheetRows.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)))[0][0]);
        }

        return lines;
    }

    public sealed class Sqlite(SqliteApp app) : FilterLineTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : FilterLineTests(app), IClassFixture<PostgresApp>;
}
