using InvestCRM.Data;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;

namespace InvestCRM.Tests.Features.Funnel;

/// <summary>
/// The forecast on the funnel fixture (see FunnelFixtureTests) on 1 Jun 2026, for a target of 6 signed projects by
/// the end of plan year 5 (2029). Counted so far: A and D (D counts although it was dropped later). Open: B and E,
/// both active at contact. All-time reached: contact 5 (A–E), signed 2 (A, D): conversion 0.4. Stays from contact to
/// signed: contact one of 61–90 days (A, taken as 90), site visit and negotiation none measured (0 days); 90 days fit
/// in the years left, so the expectation is 2 × 0.4 × 1 = 0.8, the total 2.8 and the gap ⌈6 − 2.8⌉ = 4.
/// </summary>
public sealed class ForecastQueriesTests
{
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Forecast_adds_the_expected_signings_of_open_projects_and_states_the_gap(string provider)
    {
        await using var db = await FunnelFixtureTests.BuildAsync(provider);
        db.Db.Targets.Add(new PlanTarget
        {
            PlanId = db.PlanId, Metric = TargetMetric.ProjectsIntroduced, Scope = TargetScope.Plan,
            Period = TargetPeriod.CumulativeToPlanYear, Year = 5, Value = 6, CountingStageId = db.Stage("signed"),
        });
        await db.Db.SaveChangesAsync();
        db.Clock.Now = FunnelTestDatabase.At(2026, 6, 1, 9);
        var options = new ReportOptionsQuery(db.Db, new ReferenceCache());
        var progress = new TargetProgress(db.Db, new TargetCatalog(db.Db, new ReferenceCache()), new LedgerQueries(db.Db), new ReferenceCache(), db.Clock);
        var forecasts = new ForecastQueries(db.Db, options, db.Queries, progress, db.Clock);

        var row = Assert.Single((await forecasts.ForAsync(new ReportFilter(db.PlanId)))!.Rows);

        Assert.Equal((2m, 2L, 0.8m, 2.8m, 4), (row.Completion.Actual, row.OpenProjects, row.ExpectedAdditional, row.ExpectedTotal, row.Gap));
    }

    /// <summary>
    /// On 15 Feb 2026 B has been at contact 46 days (since 31 Dec 2025 23:30; bucket 31–60), E 167 days (since 1 Sep
    /// 2025). The only measured contact stay is A's 61–90 days, taken as 90: B is expected 90 − 31 = 59 more days there,
    /// E, longer than any measured stay, none. By 30 Apr (74 days left) both fit: 0.8; by 31 Mar (44 days) only E: 0.4.
    /// Without crediting time in stage neither would fit by 31 Mar.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Forecast_credits_the_days_open_projects_have_already_spent_in_their_stage(string provider)
    {
        await using var db = await FunnelFixtureTests.BuildAsync(provider);
        foreach (var to in new[] { new DateOnly(2026, 4, 30), new DateOnly(2026, 3, 31) })
        {
            db.Db.Targets.Add(new PlanTarget
            {
                PlanId = db.PlanId, Metric = TargetMetric.ProjectsIntroduced, Scope = TargetScope.Plan,
                Period = TargetPeriod.Custom, From = new DateOnly(2026, 1, 1), To = to, Value = 6, CountingStageId = db.Stage("signed"),
            });
        }

        await db.Db.SaveChangesAsync();
        db.Clock.Now = FunnelTestDatabase.At(2026, 2, 15, 9);
        var progress = new TargetProgress(db.Db, new TargetCatalog(db.Db, new ReferenceCache()), new LedgerQueries(db.Db), new ReferenceCache(), db.Clock);
        var forecasts = new ForecastQueries(db.Db, new ReportOptionsQuery(db.Db, new ReferenceCache()), db.Queries, progress, db.Clock);

        var rows = (await forecasts.ForAsync(new ReportFilter(db.PlanId)))!.Rows.ToDictionary(r => r.Completion.Target.To!.Value);

        Assert.Equal((2L, 0.8m), (rows[new DateOnly(2026, 4, 30)].OpenProjects, rows[new DateOnly(2026, 4, 30)].ExpectedAdditional));
        Assert.Equal((2L, 0.4m), (rows[new DateOnly(2026, 3, 31)].OpenProjects, rows[new DateOnly(2026, 3, 31)].ExpectedAdditional));
    }

    /// <summary>A team's target counts on the team's open projects only: B and E are team A's; team B's C and D are not open.</summary>
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_units_target_is_forecast_from_the_units_open_projects(string provider)
    {
        await using var db = await FunnelFixtureTests.BuildAsync(provider);
        foreach (var team in new[] { db.Database.TeamA, db.Database.TeamB })
        {
            db.Db.Targets.Add(new PlanTarget
            {
                PlanId = db.PlanId, Metric = TargetMetric.ProjectsIntroduced, Scope = TargetScope.Team, ScopeId = team,
                Period = TargetPeriod.CumulativeToPlanYear, Year = 5, Value = 6, CountingStageId = db.Stage("signed"),
            });
        }

        await db.Db.SaveChangesAsync();
        db.Clock.Now = FunnelTestDatabase.At(2026, 6, 1, 9);
        var progress = new TargetProgress(db.Db, new TargetCatalog(db.Db, new ReferenceCache()), new LedgerQueries(db.Db), new ReferenceCache(), db.Clock);
        var forecasts = new ForecastQueries(db.Db, new ReportOptionsQuery(db.Db, new ReferenceCache()), db.Queries, progress, db.Clock);

        var open = (await forecasts.ForAsync(new ReportFilter(db.PlanId)))!.Rows.ToDictionary(r => r.Completion.Target.ScopeId!.Value, r => r.OpenProjects);

        Assert.Equal(2L, open[db.Database.TeamA]);
        Assert.Equal(0L, open[db.Database.TeamB]);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Targets_that_have_ended_are_not_forecast(string provider)
    {
        await using var db = await FunnelFixtureTests.BuildAsync(provider);
        db.Db.Targets.Add(new PlanTarget
        {
            PlanId = db.PlanId, Metric = TargetMetric.ProjectsIntroduced, Scope = TargetScope.Plan,
            Period = TargetPeriod.PlanYear, Year = 1, Value = 6, CountingStageId = db.Stage("signed"),
        });
        await db.Db.SaveChangesAsync();
        db.Clock.Now = FunnelTestDatabase.At(2026, 6, 1, 9);
        var progress = new TargetProgress(db.Db, new TargetCatalog(db.Db, new ReferenceCache()), new LedgerQueries(db.Db), new ReferenceCache(), db.Clock);
        var forecasts = new ForecastQueries(db.Db, new ReportOptionsQuery(db.Db, new ReferenceCache()), db.Queries, progress, db.Clock);

        Assert.Empty((await forecasts.ForAsync(new ReportFilter(db.PlanId)))!.Rows);
    }
}
