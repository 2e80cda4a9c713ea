using InvestCRM.Features.Funnel;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Tests.Features.Projects;
using static InvestCRM.Tests.Features.Funnel.FunnelTestDatabase;

namespace InvestCRM.Tests.Features.Funnel;

/// <summary>
/// Hand-computed funnel figures for five projects (times in China time; plan 2025–2029, so y1 = 2025):
/// A  P1 I1 team A 1000 万: created 10 Mar 2025, contact 20 Mar (lead stay 10 d), signed 15 Jun (jump; contact stay 87 d).
/// B  P1    team A  500 万: created 1 Dec 2025, contact 31 Dec 23:30 (lead stay 30 d) — still 2025 in China.
/// C  P2 I2 team B  300 万: created 20 Dec 2025, contact 1 Jan 2026 00:30 (lead stay 11 d) — already 2026; dropped 1 Feb (资金).
/// D  P2 I1 team B  400 万: created 5 Jan 2026, signed 10 Mar (jump from lead; stay 64 d), counted, then dropped 20 May (企业战略调整).
/// E  P1    team A  200 万: created 1 Jun 2025, dropped 1 Jul, reactivated 1 Aug, contact 1 Sep (lead stay 92 d: status changes do not end it).
/// Stay buckets: 8–14 = 4, 15–30 = 5, 61–90 = 7, 91–180 = 8.
/// </summary>
public sealed class FunnelFixtureTests
{
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Plan_year_one_counts_reaches_stays_and_drops_in_2025_china_time(string provider)
    {
        await using var db = await BuildAsync(provider);

        var report = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "y1")))!;

        Assert.Equal([4, 3, 1, 1, 1, 0, 0, 0], report.Stages.Select(s => s.Reached));
        Assert.Equal([2000m, 1700m, 1000m, 1000m, 1000m, 0m, 0m, 0m], report.Stages.Select(s => s.PlannedInvestmentWan));
        Assert.Equal([75.0m, 33.3m, 100.0m, 100.0m, 0.0m, null, null, null], report.Stages.Select(s => s.ToNextPercent));
        Assert.Equal([100.0m, 75.0m, 25.0m, 25.0m, 25.0m, 0.0m, 0.0m, 0.0m], report.Stages.Select(s => s.FromFirstPercent));
        // Lead stays ended in 2025: A 10 d, B 30 d, E 92 d → median rank 2 (15–30), p90 rank 3 (91–180).
        Assert.Equal((3L, 5, 8), Stay(report, 0));
        Assert.Equal((1L, 7, 7), Stay(report, 1));
        Assert.Equal(0, report.Stages.Sum(s => s.DropsTotal)); // E was dropped and reactivated.
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Plan_year_two_counts_jumps_and_drops_by_reason(string provider)
    {
        await using var db = await BuildAsync(provider);

        var report = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "y2")))!;

        Assert.Equal([1, 2, 1, 1, 1, 0, 0, 0], report.Stages.Select(s => s.Reached));
        Assert.Equal([400m, 700m, 400m, 400m, 400m, 0m, 0m, 0m], report.Stages.Select(s => s.PlannedInvestmentWan));
        // First reaches in a period: C reached contact in 2026 after its lead in 2025, so contact exceeds lead.
        Assert.Equal([200.0m, 50.0m, 100.0m, 100.0m, 0.0m, null, null, null], report.Stages.Select(s => s.ToNextPercent));
        Assert.Equal((2L, 4, 7), Stay(report, 0)); // C 11 d, D 64 d.
        Assert.Equal(1, report.Stages[1].Drops[DropReason.Funding]);
        Assert.Equal(1, report.Stages[4].Drops[DropReason.StrategyChange]);
        Assert.Equal(2, report.Stages.Sum(s => s.DropsTotal));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Park_and_incubator_filters_count_only_their_projects(string provider)
    {
        await using var db = await BuildAsync(provider);

        var park1 = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "all", ParkId: db.Park1)))!;
        var incubator1 = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "all", IncubatorId: db.Incubator1)))!;
        var park2Year1 = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "y1", ParkId: db.Park2)))!;

        Assert.Equal([3, 3, 1, 1, 1, 0, 0, 0], park1.Stages.Select(s => s.Reached)); // A, B, E
        Assert.Equal([1700m, 1700m, 1000m, 1000m, 1000m, 0m, 0m, 0m], park1.Stages.Select(s => s.PlannedInvestmentWan));
        Assert.Equal((3L, 5, 8), Stay(park1, 0));
        Assert.Equal(0, park1.Stages.Sum(s => s.DropsTotal));

        Assert.Equal([2, 2, 2, 2, 2, 0, 0, 0], incubator1.Stages.Select(s => s.Reached)); // A, D
        Assert.Equal([1400m, 1400m, 1400m, 1400m, 1400m, 0m, 0m, 0m], incubator1.Stages.Select(s => s.PlannedInvestmentWan));
        Assert.Equal((2L, 4, 7), Stay(incubator1, 0));
        Assert.Equal((1L, 7, 7), Stay(incubator1, 1));
        Assert.Equal(1, incubator1.Stages[4].Drops[DropReason.StrategyChange]);

        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0], park2Year1.Stages.Select(s => s.Reached)); // C's lead only; its contact is 2026
    }

    /// <summary>
    /// A filter naming two kinds of unit reads the summaries; one kind, the roll-ups. Park 1 with team A is park 1 (A, B,
    /// E are all team A's): the same figures and cohorts both ways. Park 1 with incubator 1 is A alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Two_kinds_of_unit_read_from_the_summaries_give_the_roll_ups_figures(string provider)
    {
        await using var db = await BuildAsync(provider);

        var park1 = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "all", ParkId: db.Park1)))!;
        var park1TeamA = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "all", ParkId: db.Park1, TeamId: db.Database.TeamA)))!;
        var park1Incubator1 = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "all", ParkId: db.Park1, IncubatorId: db.Incubator1)))!;

        Assert.Equal(park1.Stages, park1TeamA.Stages, (a, b) => a.Reached == b.Reached && a.PlannedInvestmentWan == b.PlannedInvestmentWan
            && a.Stays == b.Stays && a.MedianBucket == b.MedianBucket && a.DropsTotal == b.DropsTotal);
        Assert.Equal([20251, 20252, 20254], park1TeamA.Cohorts.Select(c => c.Quarter)); // A, E, B
        Assert.Equal(park1.Cohorts.SelectMany(c => c.Reached), park1TeamA.Cohorts.SelectMany(c => c.Reached));
        Assert.Equal([1, 1, 1, 1, 1, 0, 0, 0], park1Incubator1.Stages.Select(s => s.Reached));
        Assert.Equal([1000m, 1000m, 1000m, 1000m, 1000m, 0m, 0m, 0m], park1Incubator1.Stages.Select(s => s.PlannedInvestmentWan));
        Assert.Equal([20251], park1Incubator1.Cohorts.Select(c => c.Quarter));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Custom_days_split_at_midnight_china_time(string provider)
    {
        await using var db = await BuildAsync(provider);

        var newYearsEve = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "custom", new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 31))))!;
        var newYearsDay = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "custom", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1))))!;

        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 0], newYearsEve.Stages.Select(s => s.Reached)); // B at 23:30
        Assert.Equal((1L, 5, 5), Stay(newYearsEve, 0));
        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 0], newYearsDay.Stages.Select(s => s.Reached)); // C at 00:30
        Assert.Equal((1L, 4, 4), Stay(newYearsDay, 0));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Cohorts_follow_the_creation_quarter_to_every_stage_reached(string provider)
    {
        await using var db = await BuildAsync(provider);

        var all = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "all")))!;
        var year1 = (await db.Queries.ReportAsync(new ReportFilter(db.PlanId, "y1")))!;

        Assert.Equal([20251, 20252, 20254, 20261], all.Cohorts.Select(c => c.Quarter));
        Assert.Equal([1L, 1, 1, 1, 1, 0, 0, 0], all.Cohorts[0].Reached); // A
        Assert.Equal([1L, 1, 0, 0, 0, 0, 0, 0], all.Cohorts[1].Reached); // E
        Assert.Equal([2L, 2, 0, 0, 0, 0, 0, 0], all.Cohorts[2].Reached); // B, C (C's contact in 2026 still counts for its cohort)
        Assert.Equal([1L, 1, 1, 1, 1, 0, 0, 0], all.Cohorts[3].Reached); // D
        Assert.Equal(2, all.Cohorts[2].Size);
        Assert.Equal(100.0m, all.Cohorts[2].Percent(1));
        Assert.Equal(0.0m, all.Cohorts[2].Percent(2));
        Assert.Equal([20251, 20252, 20254], year1.Cohorts.Select(c => c.Quarter));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_fixture_summaries_equal_the_detail_rows_and_a_rebuild(string provider)
    {
        await using var db = await BuildAsync(provider);
        var incremental = await db.SummaryRowsAsync();

        Assert.Empty(await db.Maintenance.VerifyAsync());
        await db.Maintenance.RebuildAsync();

        Assert.Equal(incremental, await db.SummaryRowsAsync());
    }

    private static (long Stays, int? Median, int? P90) Stay(FunnelReport report, int stage) =>
        (report.Stages[stage].Stays, report.Stages[stage].MedianBucket, report.Stages[stage].P90Bucket);

    public static async Task<FunnelTestDatabase> BuildAsync(string provider)
    {
        var db = await FunnelTestDatabase.CreateAsync(provider);
        var (teamA, teamB) = (db.Database.TeamA, db.Database.TeamB);
        var a = await db.CreateAsync("A", At(2025, 3, 10, 9), db.Park1, db.Incubator1, teamA, 1000);
        await db.MoveAsync(a, "contact", At(2025, 3, 20, 9));
        await db.MoveAsync(a, "signed", At(2025, 6, 15, 10));
        var b = await db.CreateAsync("B", At(2025, 12, 1, 9), db.Park1, null, teamA, 500);
        await db.MoveAsync(b, "contact", At(2025, 12, 31, 23, 30));
        var c = await db.CreateAsync("C", At(2025, 12, 20, 10), db.Park2, db.Incubator2, teamB, 300);
        await db.MoveAsync(c, "contact", At(2026, 1, 1, 0, 30));
        await db.SetStatusAsync(c, ProjectStatus.Dropped, At(2026, 2, 1, 9), DropReason.Funding);
        var d = await db.CreateAsync("D", At(2026, 1, 5, 9), db.Park2, db.Incubator1, teamB, 400);
        await db.MoveAsync(d, "signed", At(2026, 3, 10, 9));
        await db.SetStatusAsync(d, ProjectStatus.Dropped, At(2026, 5, 20, 9), DropReason.StrategyChange);
        var e = await db.CreateAsync("E", At(2025, 6, 1, 9), db.Park1, null, teamA, 200);
        await db.SetStatusAsync(e, ProjectStatus.Dropped, At(2025, 7, 1, 9), DropReason.SiteElsewhere);
        await db.SetStatusAsync(e, ProjectStatus.Active, At(2025, 8, 1, 9));
        await db.MoveAsync(e, "contact", At(2025, 9, 1, 9));
        return db;
    }
}
