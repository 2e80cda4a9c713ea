using InvestCRM.Features.Plans;
using InvestCRM.Features.Reporting;

namespace InvestCRM.Tests.Features.Reporting;

public sealed class ReportFilterTests
{
    private static readonly Plan Plan = new() { Name = "三明", StartYear = 2025, EndYear = 2029 };

    [Theory]
    [InlineData("y1", ReportPeriodKind.PlanYear, "2025-01-01", "2026-01-01")]
    [InlineData("y5", ReportPeriodKind.PlanYear, "2029-01-01", "2030-01-01")]
    [InlineData("c3", ReportPeriodKind.CumulativeToPlanYear, "2025-01-01", "2028-01-01")]
    [InlineData("cal2026", ReportPeriodKind.CalendarYear, "2026-01-01", "2027-01-01")]
    [InlineData("all", ReportPeriodKind.WholePlan, "2025-01-01", "2030-01-01")]
    [InlineData("y6", ReportPeriodKind.WholePlan, "2025-01-01", "2030-01-01")]
    [InlineData("y0", ReportPeriodKind.WholePlan, "2025-01-01", "2030-01-01")]
    [InlineData("nonsense", ReportPeriodKind.WholePlan, "2025-01-01", "2030-01-01")]
    [InlineData(null, ReportPeriodKind.WholePlan, "2025-01-01", "2030-01-01")]
    public void Period_codes_resolve_to_days_in_China_time(string? code, ReportPeriodKind kind, string from, string to)
    {
        var period = ReportPeriod.Parse(code, Plan);

        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(from), period.Range.From);
        Assert.Equal(DateOnly.Parse(to), period.Range.To);
    }

    [Fact]
    public void Custom_dates_are_inclusive_and_need_both_ends_in_order()
    {
        var period = ReportPeriod.Parse("custom", Plan, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        Assert.Equal(new DateOnly(2026, 4, 1), period.Range.To);
        Assert.Equal(ReportPeriodKind.WholePlan, ReportPeriod.Parse("custom", Plan, new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1)).Kind);
        Assert.Equal(ReportPeriodKind.WholePlan, ReportPeriod.Parse("custom", Plan, new DateOnly(2026, 3, 31)).Kind);
    }

    [Fact]
    public void A_filter_round_trips_through_its_query_string()
    {
        var filter = new ReportFilter(3, "custom", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), ParkId: 2, TeamId: 7);

        Assert.Equal("plan=3&period=custom&from=2026-01-01&to=2026-06-30&park=2&team=7", filter.ToQuery());
        Assert.Equal("period=y2&incubator=4", new ReportFilter(Period: "y2", IncubatorId: 4).ToQuery());
        Assert.Equal(11, ReportPeriod.OffersFor(Plan).Count);
    }
}
