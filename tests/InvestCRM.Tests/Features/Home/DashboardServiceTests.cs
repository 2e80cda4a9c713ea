using InvestCRM.Data;
using InvestCRM.Features.Home;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.MyWork;
using InvestCRM.Features.Pipeline;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Ledger;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Fixture = InvestCRM.Tests.Features.Ledger.CountingFixtureTests.Fixture;

namespace InvestCRM.Tests.Features.Home;

/// <summary>
/// The dashboard's figures on the hand-computed pipeline of <see cref="CountingFixtureTests"/> (split credit; plan
/// 2025–2029; "now" is 1 Sep 2026 09:00 China time). Counted at 签约: A 2025-06 (park 1, incubator 1, 1000 万),
/// B 2025-12 (park 1, 500), C 2026-01 (park 2, team B, 300), D 2026-03 (park 2, team B, incubator 2, 400, later dropped),
/// E 2026-04 (park 1, expansion: 200 of 900), F 2026-07 (park 1 sharing 40% with park 2, 1000); H's count is reversed;
/// G never signed.
/// </summary>
public sealed class DashboardServiceTests
{
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Completion_shows_the_targets_of_the_chosen_period_and_units(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, InvestCRM.Features.Plans.CreditRule.Split);
        var targets = await DashboardTargets.AddAsync(fixture);
        var dashboard = Service(fixture);

        async Task<string[]> Rows(ReportFilter filter) =>
            (await dashboard.CompletionAsync((await dashboard.ScopeAsync(filter))!))
            .Select(c => $"{targets.Name(c.Target.Id)} {c.Actual:0.##} {c.Percent:0.0} {(c.OnPace ? "on" : "behind")}").ToArray();

        Assert.Equal(["plan 6 60.0 behind", "park1 2300 50.0 behind", "park2 2.4 60.0 behind", "east 0 0.0 behind", "incubator1 1 100.0 on"],
            await Rows(new ReportFilter()));
        Assert.Equal(["park2 2.4 60.0 behind", "east 0 0.0 behind"], await Rows(new ReportFilter(Period: "y2")));
        Assert.Equal(["plan 6 60.0 behind", "park1 2300 50.0 behind"], await Rows(new ReportFilter(Period: "c2")));
        // A base includes the parks inside it.
        Assert.Equal(["park1 2300 50.0 behind", "east 0 0.0 behind"], await Rows(new ReportFilter(ParkId: fixture.Park1)));
        Assert.Equal(["east 0 0.0 behind"], await Rows(new ReportFilter(Period: "y2", ParkId: fixture.Park1)));
        Assert.Equal(["incubator1 1 100.0 on"], await Rows(new ReportFilter(IncubatorId: fixture.Incubator1)));
        Assert.Empty(await Rows(new ReportFilter(Period: "y1", IncubatorId: fixture.Incubator2)));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Landings_count_each_project_once_by_month_period_and_units(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, InvestCRM.Features.Plans.CreditRule.Split);
        var dashboard = Service(fixture);

        async Task<string[]> Months(ReportFilter filter) =>
            (await dashboard.LandingsAsync((await dashboard.ScopeAsync(filter))!)).Select(m => $"{m.Month}:{m.Projects:0.##}/{m.InvestmentWan:0.##}").ToArray();

        Assert.Equal(["202506:1/1000", "202512:1/500", "202601:1/300", "202603:1/400", "202604:1/200", "202607:1/1000"], await Months(new ReportFilter()));
        Assert.Equal(["202506:1/1000", "202512:1/500"], await Months(new ReportFilter(Period: "y1")));
        // F is park 1's project (park 2 only shares its credit); D stays counted after it was dropped.
        Assert.Equal(["202601:1/300", "202603:1/400"], await Months(new ReportFilter(ParkId: fixture.Park2)));
        Assert.Equal(["202603:1/400"], await Months(new ReportFilter(IncubatorId: fixture.Incubator2)));
        // 31 Dec 2025 23:30 and 1 Jan 2026 00:30 China time: partial months at both ends come from the ledger.
        Assert.Equal(["202512:1/500", "202601:1/300"],
            await Months(new ReportFilter(Period: ReportFilter.Custom, From: new DateOnly(2025, 12, 31), To: new DateOnly(2026, 1, 1))));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Top_teams_and_incubators_rank_landings_in_the_period(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, InvestCRM.Features.Plans.CreditRule.Split);
        var dashboard = Service(fixture);
        var (teamA, teamB) = (fixture.Database.TeamA, fixture.Database.TeamB);

        var whole = await dashboard.ForAsync(new ReportFilter());
        var year2 = await dashboard.ForAsync(new ReportFilter(Period: "y2"));
        var park2 = await dashboard.ForAsync(new ReportFilter(ParkId: fixture.Park2));

        Assert.Equal([new TopUnit(teamA, "新材料招商组", null, 4, 2700), new TopUnit(teamB, "创新中心招商组", null, 2, 700)], whole!.TopTeams);
        Assert.Equal([new TopUnit(fixture.Incubator1, "北京孵化器", null, 1, 1000), new TopUnit(fixture.Incubator2, "上海孵化器", null, 1, 400)], whole.TopIncubators);
        // Year 2: E and F for team A (1200), C and D for team B (700); only D came from an incubator.
        Assert.Equal([new TopUnit(teamA, "新材料招商组", null, 2, 1200), new TopUnit(teamB, "创新中心招商组", null, 2, 700)], year2!.TopTeams);
        Assert.Equal([new TopUnit(fixture.Incubator2, "上海孵化器", null, 1, 400)], year2.TopIncubators);
        Assert.Equal([new TopUnit(teamB, "创新中心招商组", null, 2, 700)], park2!.TopTeams);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Pipeline_counts_open_projects_by_current_stage(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, InvestCRM.Features.Plans.CreditRule.Split);
        var b = await fixture.Db.Projects.AsNoTracking().FirstAsync(p => p.Title == "项目B");
        Assert.True((await fixture.Projects.SetStatusAsync(b.Id, b.Version, ProjectStatus.OnHold, "企业资金未到位", null)).Succeeded);
        fixture.Db.ChangeTracker.Clear();
        var dashboard = Service(fixture);

        async Task<string[]> Pipeline(ReportFilter filter) =>
            (await dashboard.PipelineAsync((await dashboard.ScopeAsync(filter))!))
            .Where(s => s.Projects != 0).Select(s => $"{s.StageId}:{s.Active:0.##}+{s.OnHold:0.##}/{s.InvestmentWan:0.##}").ToArray();

        var (lead, signed) = (fixture.Database.Stage("lead").Id, fixture.Database.Stage("signed").Id);
        // Signed: A, C, E, F, H active and B on hold (planned 1000 + 300 + 900 + 1000 + 777 + 500); D is dropped. Lead: G.
        Assert.Equal([$"{lead}:1+0/0", $"{signed}:5+1/4477"], await Pipeline(new ReportFilter()));
        Assert.Equal([$"{signed}:1+0/300"], await Pipeline(new ReportFilter(ParkId: fixture.Park2)));
        Assert.Equal([$"{signed}:1+0/1000"], await Pipeline(new ReportFilter(IncubatorId: fixture.Incubator1)));
        Assert.Equal([$"{lead}:1+0/0", $"{signed}:4+1/4177"], await Pipeline(new ReportFilter(ParkId: fixture.Park1, TeamId: fixture.Database.TeamA)));
        Assert.Empty(await new PipelineMaintenance(fixture.Db).VerifyAsync());
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Stalled_lists_active_projects_without_activity_longest_first(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, InvestCRM.Features.Plans.CreditRule.Split);
        fixture.Clock.Now = new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(8));
        var dashboard = Service(fixture, staleDays: 30);

        var all = await dashboard.StalledAsync((await dashboard.ScopeAsync(new ReportFilter()))!);
        var park2 = await dashboard.StalledAsync((await dashboard.ScopeAsync(new ReportFilter(ParkId: fixture.Park2)))!);
        var teamB = await dashboard.StalledAsync((await dashboard.ScopeAsync(new ReportFilter(TeamId: fixture.Database.TeamB)))!);
        var incubator1 = await dashboard.StalledAsync((await dashboard.ScopeAsync(new ReportFilter(IncubatorId: fixture.Incubator1)))!);

        // Nobody logged an activity: created before 15 Jun 2026 are A, B, C, G, E, F (H was created 2 Jul; D is dropped).
        Assert.Equal(30, all.Days);
        Assert.Equal(6, all.Total);
        Assert.Equal(["项目A", "项目B", "项目C", "项目G", "项目E", "项目F"], all.Longest.Select(p => p.Title));
        Assert.Equal(new DateTimeOffset(2025, 5, 16, 10, 0, 0, TimeSpan.FromHours(8)), all.Longest[0].LastActivityAt);
        Assert.Equal(new DateTimeOffset(2025, 6, 15, 10, 0, 0, TimeSpan.FromHours(8)), all.Longest[0].StageEnteredAt);
        Assert.Equal(1, park2.Total);
        Assert.Equal("项目C", Assert.Single(park2.Longest).Title);
        // Team B's other project, D, is dropped; of incubator 1's, only A.
        Assert.Equal(1, teamB.Total);
        Assert.Equal("项目C", Assert.Single(teamB.Longest).Title);
        Assert.Equal(1, incubator1.Total);
        Assert.Equal("项目A", Assert.Single(incubator1.Longest).Title);
    }

    internal static DashboardService Service(Fixture fixture, int staleDays = 30) =>
        new(fixture.Db, new ReportOptionsQuery(fixture.Db, new ReferenceCache()), fixture.Progress, new LedgerSliceQueries(fixture.Db), new ReferenceCache(),
            fixture.Clock, Options.Create(new MyWorkOptions { StaleDays = staleDays }));
}

/// <summary>Five targets on the fixture's plan, named for the assertions.</summary>
internal sealed class DashboardTargets(Dictionary<int, string> names)
{
    public string Name(int id) => names[id];

    public static async Task<DashboardTargets> AddAsync(Fixture fixture)
    {
        var names = new Dictionary<int, string>
        {
            [await AddAsync(fixture, TargetMetric.ProjectsIntroduced, TargetScope.Plan, null, TargetPeriod.CumulativeToPlanYear, 2, 10)] = "plan",
            [await AddAsync(fixture, TargetMetric.InvestmentWan, TargetScope.Park, fixture.Park1, TargetPeriod.CumulativeToPlanYear, 2, 4600)] = "park1",
            [await AddAsync(fixture, TargetMetric.ProjectsIntroduced, TargetScope.Park, fixture.Park1East, TargetPeriod.PlanYear, 2, 5)] = "east",
            [await AddAsync(fixture, TargetMetric.ProjectsIntroduced, TargetScope.Park, fixture.Park2, TargetPeriod.PlanYear, 2, 4)] = "park2",
            [await AddAsync(fixture, TargetMetric.ProjectsIntroduced, TargetScope.Incubator, fixture.Incubator1, TargetPeriod.PlanYear, 1, 1)] = "incubator1",
        };
        return new DashboardTargets(names);
    }

    private static async Task<int> AddAsync(Fixture fixture, TargetMetric metric, TargetScope scope, int? unit, TargetPeriod period, int year, decimal value)
    {
        var target = new PlanTarget { PlanId = fixture.PlanId, Metric = metric, Scope = scope, ScopeId = unit, Period = period, Year = year, Value = value };
        fixture.Db.Targets.Add(target);
        await fixture.Db.SaveChangesAsync();
        fixture.Db.ChangeTracker.Clear();
        return target.Id;
    }
}
