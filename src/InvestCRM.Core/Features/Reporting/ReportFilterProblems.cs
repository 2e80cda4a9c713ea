using InvestCRM.Features.Common;
using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Reporting;

/// <summary>
/// What of a report filter cannot be used, said above the figures instead of silently replaced: a custom period without
/// valid dates or a period code the plan does not have (the figures are then the whole plan's), a park, chain, team or
/// incubator id the plan does not offer (the figures are then empty), a month outside the period or the plan.
/// </summary>
public static class ReportFilterProblems
{
    public const string CustomPeriodUnreadable = "Report.CustomPeriodUnreadable";
    public const string PeriodUnknown = "Report.PeriodUnknown";
    public const string UnknownUnit = "Report.UnknownUnit";
    public const string MonthUnusable = "Report.MonthUnusable";

    public static IReadOnlyList<Problem> Of(ReportFilter filter, ReportOptions options)
    {
        var problems = new List<Problem>();
        if (filter.Period is { } code && code != filter.PeriodFor(options.Plan).Code)
        {
            problems.Add(new Problem(code == ReportFilter.Custom ? CustomPeriodUnreadable : PeriodUnknown, nameof(filter.Period)));
        }

        Unit(problems, nameof(filter.ParkId), filter.ParkId, options.Parks);
        Unit(problems, nameof(filter.ChainId), filter.ChainId, options.Chains);
        Unit(problems, nameof(filter.TeamId), filter.TeamId, options.Teams);
        Unit(problems, nameof(filter.IncubatorId), filter.IncubatorId, options.Incubators);
        return problems;
    }

    private static void Unit(List<Problem> problems, string field, int? id, IReadOnlyList<Option> offered)
    {
        if (id is { } value && !offered.Any(o => o.Id == value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            problems.Add(new Problem(UnknownUnit, field));
        }
    }
}
