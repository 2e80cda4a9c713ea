using System.Globalization;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Reporting;

/// <summary>
/// What a report looks at: one plan, one period and optionally one base, chain, team and incubator. Shared by the
/// dashboard, the funnel, the forecast and their exports, so that a link or an export carries the same filter.
/// In the query string: plan, period (<c>all</c> | <c>y{N}</c> plan year N | <c>c{N}</c> cumulative to plan year N |
/// <c>cal{YYYY}</c> calendar year | <c>custom</c> with from/to as yyyy-MM-dd, both inclusive), park, chain, team, incubator.
/// </summary>
public sealed record ReportFilter(
    int? PlanId = null, string? Period = null, DateOnly? From = null, DateOnly? To = null,
    int? ParkId = null, int? ChainId = null, int? TeamId = null, int? IncubatorId = null)
{
    public const string WholePlan = "all";
    public const string Custom = "custom";

    public ReportPeriod PeriodFor(Plan plan) => ReportPeriod.Parse(Period, plan, From, To);

    /// <summary>The filter as a query string (without '?'), omitting what is unset; for links and exports.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        Add(parts, "plan", PlanId);
        if (!string.IsNullOrEmpty(Period))
        {
            parts.Add("period=" + Uri.EscapeDataString(Period));
        }

        if (Period == Custom)
        {
            Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        Add(parts, "park", ParkId);
        Add(parts, "chain", ChainId);
        Add(parts, "team", TeamId);
        Add(parts, "incubator", IncubatorId);
        return string.Join('&', parts);
    }

    public bool HasUnitFilter => ParkId is not null || ChainId is not null || TeamId is not null || IncubatorId is not null;

    private static void Add(List<string> parts, string key, object? value)
    {
        if (value is not null)
        {
            parts.Add(key + "=" + Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!));
        }
    }
}

/// <summary>A resolved period: its canonical code, kind, plan year or calendar year, and its days in China time.</summary>
public sealed record ReportPeriod(string Code, ReportPeriodKind Kind, int? Year, DateRange Range)
{
    /// <summary>Reads a period code; anything unknown or out of the plan's years falls back to the whole plan.</summary>
    public static ReportPeriod Parse(string? code, Plan plan, DateOnly? from = null, DateOnly? to = null)
    {
        var years = plan.EndYear - plan.StartYear + 1;
        if (code is { Length: > 1 } && (code[0] is 'y' or 'c') && int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= years && code.Length <= 3)
        {
            var calendarYear = plan.CalendarYearOf(n);
            return code[0] == 'y'
                ? new(code, ReportPeriodKind.PlanYear, n, YearRange(calendarYear))
                : new(code, ReportPeriodKind.CumulativeToPlanYear, n, new DateRange(new DateOnly(plan.StartYear, 1, 1), new DateOnly(calendarYear + 1, 1, 1)));
        }

        if (code is { Length: 7 } && code.StartsWith("cal", StringComparison.Ordinal)
            && int.TryParse(code.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            return new(code, ReportPeriodKind.CalendarYear, year, YearRange(year));
        }

        if (code == ReportFilter.Custom && from is { } start && to is { } end && start <= end)
        {
            return new(code, ReportPeriodKind.Custom, null, new DateRange(start, end.AddDays(1)));
        }

        return new(ReportFilter.WholePlan, ReportPeriodKind.WholePlan, null,
            new DateRange(new DateOnly(plan.StartYear, 1, 1), new DateOnly(plan.EndYear + 1, 1, 1)));
    }

    /// <summary>The periods offered in the filter for a plan: whole plan, each plan year, cumulative to each plan year.</summary>
    public static IReadOnlyList<ReportPeriod> OffersFor(Plan plan)
    {
        var offers = new List<ReportPeriod> { Parse(null, plan) };
        for (var n = 1; n <= plan.EndYear - plan.StartYear + 1; n++)
        {
            offers.Add(Parse("y" + n.ToString(CultureInfo.InvariantCulture), plan));
            offers.Add(Parse("c" + n.ToString(CultureInfo.InvariantCulture), plan));
        }

        return offers;
    }

    /// <summary>Whether a target's own period is this one (the dashboard shows those targets for a chosen period).</summary>
    public bool Matches(PlanTarget target, Plan plan) =>
        Kind == ReportPeriodKind.WholePlan || TargetPeriods.RangeOf(target, plan) == Range;

    private static DateRange YearRange(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
}

public enum ReportPeriodKind
{
    WholePlan,
    PlanYear,
    CumulativeToPlanYear,
    CalendarYear,
    Custom,
}
