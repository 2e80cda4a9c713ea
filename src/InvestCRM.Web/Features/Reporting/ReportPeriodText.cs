using InvestCRM.Features.Reporting;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Reporting;

/// <summary>How a report period reads in a filter, a heading or an export's "filter used" line.</summary>
public static class ReportPeriodText
{
    public static string Of(IStringLocalizer l, ReportPeriod period) => period.Kind switch
    {
        ReportPeriodKind.PlanYear => l["Report.Period.PlanYear", period.Year!, period.Range.From.Year],
        ReportPeriodKind.CumulativeToPlanYear => l["Report.Period.Cumulative", period.Year!, period.Range.To.Year - 1],
        ReportPeriodKind.CalendarYear => l["Report.Period.Calendar", period.Year!],
        ReportPeriodKind.Custom => l["Report.Period.Range", Display.Date(period.Range.From), Display.Date(period.Range.To.AddDays(-1))],
        _ => l["Report.Period.WholePlan", period.Range.From.Year, period.Range.To.Year - 1],
    };
}
