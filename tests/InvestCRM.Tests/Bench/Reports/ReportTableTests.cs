extern alias bench;

using bench::InvestCRM.Bench.Measuring;
using bench::InvestCRM.Bench.Reports;

namespace InvestCRM.Tests.Bench.Reports;

/// <summary>The reports table: a page is held to its floor by the ratio of the p95s; the baseline page has no SQL to compare.</summary>
public sealed class ReportTableTests
{
    private static Measurement Latencies(params double[] ms) => new("m", [.. ms.Order()], new Dictionary<string, int>(), TimeSpan.FromSeconds(1));

    [Fact]
    public void A_page_shows_its_floor_the_p95_ratio_and_the_naive_aggregate()
    {
        var row = new ReportRow("funnel", Latencies(10, 20, 40), null, Latencies(5, 8, 16), Latencies(900));

        var line = Line(ReportTable.Markdown("t", [row], []), "funnel");

        Assert.Equal(["funnel", "20", "40", "3", "8.0", "16", "2.5×", "900", "900", "0"], line);
    }

    [Fact]
    public void The_baseline_has_no_floor_ratio_or_naive_aggregate()
    {
        var row = new ReportRow("baseline", Latencies(4, 6), null, null, null);

        var line = Line(ReportTable.Markdown("t", [row], []), "baseline");

        Assert.Equal(["baseline", "4.0", "6.0", "2", "—", "—", "—", "—", "—", "0"], line);
    }

    [Fact]
    public void A_page_whose_summary_is_missing_says_so()
    {
        var row = new ReportRow("ledger", Latencies(50), null, null, Latencies(700));

        Assert.Equal("no summary", Line(ReportTable.Markdown("t", [row], []), "ledger")[4]);
    }

    private static string[] Line(string markdown, string scenario) =>
        markdown.Split('\n').Single(l => l.StartsWith("| " + scenario + " |", StringComparison.Ordinal))
            .Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}
