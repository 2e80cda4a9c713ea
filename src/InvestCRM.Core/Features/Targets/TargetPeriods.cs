using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;

namespace InvestCRM.Features.Targets;

/// <summary>A half-open interval of days, [From, To), in China Standard Time.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    // In UTC: PostgreSQL's timestamptz parameters accept no other offset.
    public DateTimeOffset Start => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), LedgerLine.ChinaOffset).ToUniversalTime();
    public DateTimeOffset End => new DateTimeOffset(To.ToDateTime(TimeOnly.MinValue), LedgerLine.ChinaOffset).ToUniversalTime();
    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>Whether the range starts and ends on the first of a month, so monthly summaries cover it exactly.</summary>
    public bool IsWholeMonths => From.Day == 1 && To.Day == 1 && From < To;

    /// <summary>Fraction of the range elapsed at <paramref name="now"/>, clamped to 0–1.</summary>
    public decimal Elapsed(DateTimeOffset now) =>
        now <= Start ? 0 : now >= End ? 1 : (decimal)((now - Start).TotalDays / (End - Start).TotalDays);
}

/// <summary>Turns a target's period into dates: plan year N is the Nth calendar year from the plan's start.</summary>
public static class TargetPeriods
{
    public static DateRange RangeOf(PlanTarget target, Plan plan) => target.Period switch
    {
        TargetPeriod.PlanYear => Year(plan.CalendarYearOf(target.Year ?? 1)),
        TargetPeriod.CumulativeToPlanYear => new DateRange(new DateOnly(plan.StartYear, 1, 1), new DateOnly(plan.CalendarYearOf(target.Year ?? 1) + 1, 1, 1)),
        TargetPeriod.CalendarYear => Year(target.Year ?? plan.StartYear),
        _ => new DateRange(target.From ?? new DateOnly(plan.StartYear, 1, 1), (target.To ?? new DateOnly(plan.EndYear, 12, 31)).AddDays(1)),
    };

    private static DateRange Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
}
