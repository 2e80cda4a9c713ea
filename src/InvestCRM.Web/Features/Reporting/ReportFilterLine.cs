using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Reporting;

/// <summary>The "filter used" line of a report export: the plan, the period and every chosen unit, by name.</summary>
public static class ReportFilterLine
{
    public static string Of(ReportFilter filter, ReportOptions options, IStringLocalizer l, DateTimeOffset exportedAt)
    {
        var parts = new[]
        {
            Part(l["Report.Plan"], Display.Name(options.Plan.Name, options.Plan.NameEn)),
            Part(l["Report.Period"], ReportPeriodText.Of(l, filter.PeriodFor(options.Plan))),
            Part(l["Projects.Park"], Find(options.Parks, filter.ParkId)),
            Part(l["Projects.Chain"], Find(options.Chains, filter.ChainId)),
            Part(l["Projects.Team"], Find(options.Teams, filter.TeamId)),
            Part(l["Projects.Incubator"], Find(options.Incubators, filter.IncubatorId)),
        }.OfType<string>();
        return l["Projects.ExportFilter", string.Join(Display.Separator, parts), Display.DateTime(exportedAt)];
    }

    private static string? Part(string label, string? value) => value is null ? null : label + Display.Colon + value;

    private static string? Find(IReadOnlyList<Option> options, int? id) =>
        id is null ? null : options.FirstOrDefault(x => x.Id == id.ToString()) is { } found ? Display.Name(found.Zh, found.En) : id.ToString();
}
