using InvestCRM.Features.Funnel;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Web.Features.Reporting;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Funnel;

/// <summary>How funnel figures read: percentages, day buckets, and the "filter used" line of the page and export.</summary>
public static class FunnelText
{
    public static string Percent(decimal? value) => value is null ? "–" : $"{Display.Number(value.Value)}%";

    /// <summary>A bucket, never a single made-up day: "8–14 天".</summary>
    public static string Bucket(IStringLocalizer l, int? bucket) =>
        bucket is null ? "–" : l.Count("Funnel.Days", StayBuckets.Label(bucket.Value) == "1" ? 1 : 0, StayBuckets.Label(bucket.Value));

    public static string FilterDescription(IStringLocalizer l, ReportFilter filter, FunnelReport report)
    {
        var o = report.Options;
        var parts = new[]
        {
            Part(l["Report.Plan"], Display.Name(o.Plan.Name, o.Plan.NameEn)),
            Part(l["Report.Period"], ReportPeriodText.Of(l, report.Period)),
            Part(l["Projects.Park"], Find(o.Parks, filter.ParkId)),
            Part(l["Projects.Chain"], Find(o.Chains, filter.ChainId)),
            Part(l["Projects.Team"], Find(o.Teams, filter.TeamId)),
            Part(l["Projects.Incubator"], Find(o.Incubators, filter.IncubatorId)),
        }.OfType<string>();
        return l["Funnel.FilterLine", string.Join(Display.Separator, parts)];
    }

    public static FunnelExportText Export(IStringLocalizer l, ReportFilter filter, FunnelReport report) => new(
        l["Funnel.Sheet"], FilterDescription(l, filter, report),
        [
            l["Funnel.Stage"], l["Funnel.Reached"], l["Funnel.Amount"], l["Funnel.ToNext"], l["Funnel.FromFirst"],
            l["Funnel.Stays"], l["Funnel.Median"], l["Funnel.P90"], l["Funnel.Drops"],
        ],
        l["Funnel.Quarter"], l["Funnel.CohortSize"], Display.IsEnglish, r => l.Enum(r), b => Bucket(l, b));

    private static string? Part(string label, string? value) => value is null ? null : label + Display.Colon + value;

    private static string? Find(IReadOnlyList<Option> options, int? id) =>
        id is null ? null : options.FirstOrDefault(x => x.Id == id.Value.ToString()) is { } found ? Display.Name(found.Zh, found.En) : id.ToString();
}
