using InvestCRM.Features.Reporting;
using InvestCRM.Web.Infrastructure;

namespace InvestCRM.Web.Features.Reporting;

/// <summary>Reads a <see cref="ReportFilter"/> from the query string; malformed values are ignored, not errors.</summary>
public static class ReportQuery
{
    public static ReportFilter Read(IQueryCollection query) => new(
        Int(query, "plan"), Text(query, "period"), Date(query, "from"), Date(query, "to"),
        Int(query, "park"), Int(query, "chain"), Int(query, "team"), Int(query, "incubator"));

    private static string? Text(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var value) && value.Count == 1 && value[0] is { Length: > 0 and <= 20 } text ? text : null;

    /// <summary>Ids are positive.</summary>
    private static int? Int(IQueryCollection query, string key) => QueryText.Int(Text(query, key)) is > 0 and var value ? value : null;

    private static DateOnly? Date(IQueryCollection query, string key) => QueryText.Date(Text(query, key));
}
