using System.Globalization;
using System.Text;
using InvestCRM.Bench.Measuring;

namespace InvestCRM.Bench.Reports;

/// <summary>One scenario's results: the page over HTTP (null when the page does not exist here), its floor and the naive SQL (null for the baseline).</summary>
internal sealed record ReportRow(string Name, Measurement? Http, string? Missing, Measurement? Floor, Measurement? Naive);

/// <summary>The reports suite's table: the page, the summary-table floor it is held to (ratio) and the naive aggregate beside it.</summary>
internal static class ReportTable
{
    public static string Markdown(string title, IReadOnlyList<ReportRow> rows, IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine($"### {title}").AppendLine();
        text.AppendLine("| scenario | p50 ms | p95 ms | req/s | floor p50 | floor p95 | ratio p95 | naive p50 | naive max | failed |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var served = row.Http is { Trustworthy: true };
            var floor = row.Floor is { Trustworthy: true } ? row.Floor : null;
            var naive = row.Naive is { Trustworthy: true } ? row.Naive : null;
            text.AppendLine(string.Join(" | ",
                "| " + row.Name,
                row.Missing ?? (served ? Ms(row.Http!.Percentile(0.5)) : "—"),
                served ? Ms(row.Http!.Percentile(0.95)) : "—",
                served ? row.Http!.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture) : "—",
                floor is null ? (row.Floor is null && row.Naive is not null ? "no summary" : "—") : Ms(floor.Percentile(0.5)),
                floor is null ? "—" : Ms(floor.Percentile(0.95)),
                served && floor is not null ? (row.Http!.Percentile(0.95) / floor.Percentile(0.95)).ToString("F1", CultureInfo.InvariantCulture) + "×" : "—",
                naive is null ? "—" : Ms(naive.Percentile(0.5)),
                naive is null ? "—" : Ms(naive.Percentile(1)),
                Failures(row)) + " |");
        }

        text.AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine($"- {note}");
        }

        return text.ToString();
    }

    private static string Failures(ReportRow row)
    {
        var parts = new[] { ("", row.Http), ("floor: ", row.Floor), ("naive: ", row.Naive) }
            .Where(p => p.Item2 is { Failed: > 0 })
            .Select(p => p.Item1 + $"{p.Item2!.Failed:N0} of {p.Item2.Failed + p.Item2.Succeeded:N0}: " +
                string.Join(", ", p.Item2.Failures.OrderByDescending(f => f.Value).Take(2).Select(f => $"{f.Key} ×{f.Value:N0}")));
        return string.Join("; ", parts.DefaultIfEmpty("0"));
    }

    private static string Ms(double value) => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);
}
