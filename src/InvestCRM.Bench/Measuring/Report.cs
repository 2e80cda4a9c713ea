using System.Globalization;
using System.Text;

namespace InvestCRM.Bench.Measuring;

/// <summary>The result table, on the console and as Markdown for the README.</summary>
internal static class Report
{
    public static string Markdown(string title, IReadOnlyList<(Measurement Http, Measurement? Raw)> rows, IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine($"### {title}").AppendLine();
        text.AppendLine("| scenario | p50 ms | p95 ms | req/s | raw p50 | raw p95 | ratio p95 | failed |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (http, raw) in rows)
        {
            var served = http.Trustworthy;
            text.AppendLine(string.Join(" | ",
                "| " + http.Name,
                served ? Ms(http.Percentile(0.5)) : "—",
                served ? Ms(http.Percentile(0.95)) : "—",
                served ? http.RequestsPerSecond.ToString("F0", CultureInfo.InvariantCulture) : "—",
                raw is { Trustworthy: true } ? Ms(raw.Percentile(0.5)) : "—",
                raw is { Trustworthy: true } ? Ms(raw.Percentile(0.95)) : "—",
                served && raw is { Trustworthy: true } ? (http.Percentile(0.95) / raw.Percentile(0.95)).ToString("F1", CultureInfo.InvariantCulture) + "×" : "—",
                Failures(http) + (raw is { Failed: > 0 } ? $" (raw: {Failures(raw)})" : "")) + " |");
        }

        text.AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine($"- {note}");
        }

        return text.ToString();
    }

    /// <summary>"—" when all succeeded, else counts per kind, e.g. "412 of 412: HTTP 404".</summary>
    private static string Failures(Measurement m) => m.Failed == 0 ? "0" :
        $"{m.Failed:N0} of {m.Failed + m.Succeeded:N0}: " + string.Join(", ", m.Failures.OrderByDescending(f => f.Value).Take(3).Select(f => $"{f.Key} ×{f.Value:N0}"));

    private static string Ms(double value) => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);
}
