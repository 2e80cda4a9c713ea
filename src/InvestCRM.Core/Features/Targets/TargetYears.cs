namespace InvestCRM.Features.Targets;

/// <summary>Whether a target's period lies within its plan's years.</summary>
public static class TargetYears
{
    public static int PlanLength(int startYear, int endYear) => endYear - startYear + 1;

    public static bool Fit(PlanTarget target, int startYear, int endYear) =>
        Fit(target.Period, target.Year, target.From, target.To, startYear, endYear);

    public static bool Fit(TargetPeriod period, int? year, DateOnly? from, DateOnly? to, int startYear, int endYear) => period switch
    {
        TargetPeriod.PlanYear or TargetPeriod.CumulativeToPlanYear => year >= 1 && year <= PlanLength(startYear, endYear),
        TargetPeriod.CalendarYear => year >= startYear && year <= endYear,
        TargetPeriod.Custom => from?.Year >= startYear && to?.Year <= endYear && from <= to,
        _ => false,
    };
}
