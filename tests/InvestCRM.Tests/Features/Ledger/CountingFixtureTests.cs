using InvestCRM.Data;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Activities;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Ledger;

/// <summary>
/// Hand-computed figures for a small pipeline whose histories cross period boundaries (in China time),
/// with a count that later drops, an expansion, a split/double-credit project, two parks, two incubators,
/// a reversal and an edit after counting. The plan runs 2025–2029, so plan year 1 is 2025.
/// </summary>
public sealed class CountingFixtureTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Whole_plan_counts_each_project_once_in_its_period(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Split);

        var year1 = await fixture.TotalsAsync(TargetScope.Plan, null, Year(1));
        var year2 = await fixture.TotalsAsync(TargetScope.Plan, null, Year(2));
        var toYear2 = await fixture.TotalsAsync(TargetScope.Plan, null, Cumulative(2));

        // Year 1: A (signed 15 Jun) and B (signed 31 Dec 23:30 China time).
        Assert.Equal(new LedgerTotals(2, 2, 1, 1500, 3000, 150, 0), year1);
        // Year 2: C (1 Jan 00:30 China time), D (counted, then dropped), E (expansion: increment only), F (shared).
        Assert.Equal(new LedgerTotals(4, 3, 1, 1900, 1700, 80, 0), year2);
        Assert.Equal(new LedgerTotals(6, 5, 2, 3400, 4700, 230, 0), toYear2);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Split_credit_divides_a_shared_project_between_two_parks(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Split);

        var park1 = await fixture.TotalsAsync(TargetScope.Park, fixture.Park1, Cumulative(2));
        var park2 = await fixture.TotalsAsync(TargetScope.Park, fixture.Park2, Cumulative(2));

        // Park 1: A, B, E whole and 60% of F. Park 2: C, D whole and 40% of F.
        Assert.Equal(new LedgerTotals(3.6m, 2.6m, 1, 2300, 3300, 174, 0), park1);
        Assert.Equal(new LedgerTotals(2.4m, 2.4m, 1, 1100, 1400, 56, 0), park2);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Double_credit_counts_a_shared_project_fully_for_both_parks_but_once_for_the_plan(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Double);

        Assert.Equal(new LedgerTotals(4, 3, 1, 2700, 3500, 190, 0), await fixture.TotalsAsync(TargetScope.Park, fixture.Park1, Cumulative(2)));
        Assert.Equal(new LedgerTotals(3, 3, 1, 1700, 1700, 80, 0), await fixture.TotalsAsync(TargetScope.Park, fixture.Park2, Cumulative(2)));
        Assert.Equal(6, (await fixture.TotalsAsync(TargetScope.Plan, null, Cumulative(2))).Projects);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Incubators_and_custom_periods_count_exactly(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Split);

        Assert.Equal(new LedgerTotals(1, 1, 1, 1000, 2000, 100, 0), await fixture.TotalsAsync(TargetScope.Incubator, fixture.Incubator1, Cumulative(2)));
        Assert.Equal(new LedgerTotals(1, 1, 1, 400, 200, 20, 0), await fixture.TotalsAsync(TargetScope.Incubator, fixture.Incubator2, Cumulative(2)));

        // 15 Jun 2025 – 1 Jan 2026 inclusive: partial months at both ends come from the ledger itself.
        var custom = new DateRange(new DateOnly(2025, 6, 15), new DateOnly(2026, 1, 2));
        Assert.Equal(new LedgerTotals(3, 3, 1, 1800, 4000, 170, 0), await fixture.TotalsAsync(TargetScope.Plan, null, custom));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Target_completion_and_its_ledger_show_the_same_projects(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Split);
        var target = await fixture.AddTargetAsync(TargetMetric.InvestmentWan, TargetScope.Park, fixture.Park1, 2, 4600);

        var completion = (await fixture.Progress.ForPlanAsync(fixture.PlanId)).Single(c => c.Target.Id == target);
        var scope = await fixture.Progress.ScopeOfTargetAsync(target);
        var (rows, total) = await fixture.Queries.EntriesAsync(scope!, page: 1);

        Assert.Equal(2300, completion.Actual);
        Assert.Equal(50.0m, completion.Percent);
        Assert.Equal(5, total); // A, B, E, F and the reversed H, which is listed but not summed.
        Assert.Equal(2300, rows.Where(r => r.ReversedAt is null).Sum(r => r.InvestmentWan * r.Weight));
        Assert.Single(rows, r => r.ReversedAt is not null);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Totals_from_the_rollups_equal_the_totals_filtered_from_the_summaries(string provider)
    {
        // Every target's totals come from the roll-ups, all at once; each must equal the figure filtered out of the
        // summary rows themselves, for every kind of unit, split and double credit, and a range with partial months.
        foreach (var rule in new[] { CreditRule.Split, CreditRule.Double })
        {
            await using var fixture = await Fixture.CreateAsync(provider, rule);
            var signed = await fixture.Db.Stages.Where(s => s.Code == "signed").Select(s => s.Id).SingleAsync();
            var ranges = new[] { Year(1), Year(2), Cumulative(2), new DateRange(new DateOnly(2025, 6, 15), new DateOnly(2026, 1, 2)) };
            var units = new (TargetScope Scope, int? Unit)[]
            {
                (TargetScope.Plan, null), (TargetScope.Park, fixture.Park1), (TargetScope.Park, fixture.Park2),
                (TargetScope.Incubator, fixture.Incubator1), (TargetScope.Incubator, fixture.Incubator2),
            };
            var scopes = units.SelectMany(u => ranges.Select(r => new LedgerScope(signed, r, u.Scope, u.Unit is null ? [] : [u.Unit.Value], rule))).ToList();

            var many = await fixture.Queries.TotalsManyAsync(scopes);

            for (var i = 0; i < scopes.Count; i++)
            {
                Assert.Equal(await fixture.Queries.TotalsFromSummariesAsync(scopes[i]), many[i]);
            }

            Assert.Contains(many, t => t.Projects > 0);
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Summaries_equal_the_ledger_after_corrections_and_reversals(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Split);
        var entries = await fixture.Db.LedgerEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        var random = new Random(7);
        foreach (var id in entries.OrderBy(_ => random.Next()).Take(4))
        {
            var amount = random.Next(1, 5000);
            Assert.True((await fixture.Ledger.CorrectAsync(id, new LedgerCorrection(amount, amount * 2, amount / 10m, 3, "核对合同金额"))).Succeeded);
        }

        Assert.True((await fixture.Ledger.ReverseAsync(entries[1], "重复上报")).Succeeded);
        fixture.Db.ChangeTracker.Clear();

        Assert.Empty(await fixture.Maintenance.VerifyAsync());
        var counted = await fixture.Db.LedgerEntries.AsNoTracking().Where(e => e.ReversedAt == null).ToListAsync();
        Assert.Equal(counted.Sum(e => e.InvestmentWan), (await fixture.TotalsAsync(TargetScope.Plan, null, Cumulative(5))).InvestmentWan);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Slices_from_single_and_pair_rollups_equal_slices_from_the_summaries(string provider)
    {
        // Every combination of up to three kinds of unit filter, grouped by nothing, month, team and incubator: the
        // roll-up path (single rows, pair rows, or the summaries for three kinds) must give the summaries' figures.
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Split);
        var slices = new LedgerSliceQueries(fixture.Db);
        var signed = await fixture.Db.Stages.Where(s => s.Code == "signed").Select(s => s.Id).SingleAsync();
        // The fixture's projects have no chain: give the counted ones of park 2 one, and rebuild the summaries from the entries.
        var chain = fixture.Database.ChainId;
        await fixture.Db.LedgerEntries.Where(e => e.ParkId == fixture.Park2).ExecuteUpdateAsync(u => u.SetProperty(e => e.ChainId, chain));
        await fixture.Maintenance.RebuildAsync();
        Assert.Empty(await fixture.Maintenance.VerifyAsync());
        var (teamB, parks) = (fixture.Database.TeamB, new[] { new List<int>(), [fixture.Park1], [fixture.Park2, fixture.Park1East] });
        var compared = 0;
        foreach (var range in new[] { Cumulative(2), Year(2), new DateRange(new DateOnly(2025, 12, 31), new DateOnly(2026, 3, 15)) })
        foreach (var park in parks)
        foreach (var (team, incubator, chainId) in new (int?, int?, int?)[] { (null, null, null), (teamB, null, null), (null, fixture.Incubator2, null), (null, null, chain), (teamB, fixture.Incubator2, null) })
        foreach (var key in Enum.GetValues<SliceKey>())
        {
            var slice = new LedgerSlice(signed, range, park, chainId, team, incubator);
            var expected = (await slices.GroupedFromSummariesAsync(slice, key)).OrderBy(t => t.Key).ToList();
            Assert.Equal(expected, (await slices.GroupedAsync(slice, key)).OrderBy(t => t.Key).ToList());
            compared += expected.Count;
        }

        Assert.True(compared > 100, $"only {compared} groups compared");
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_rollup_out_of_step_is_reported_and_repaired_by_a_rebuild(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, CreditRule.Split);
        Assert.Empty(await fixture.Maintenance.VerifyAsync());
        var row = await fixture.Db.LedgerRollups.FirstAsync(r => r.UnitKind == RollupUnit.Incubator && r.UnitId == fixture.Incubator1);
        row.InvestmentWan -= 10_000;
        await fixture.Db.SaveChangesAsync();
        fixture.Db.ChangeTracker.Clear();

        Assert.Equal(["1 roll-up rows differ from the summaries"], await fixture.Maintenance.VerifyAsync());
        await fixture.Maintenance.RebuildAsync();
        Assert.Empty(await fixture.Maintenance.VerifyAsync());
        Assert.Equal(new LedgerTotals(1, 1, 1, 1000, 2000, 100, 0), await fixture.TotalsAsync(TargetScope.Incubator, fixture.Incubator1, Cumulative(2)));
    }

    private static DateRange Year(int n) => new(new DateOnly(2024 + n, 1, 1), new DateOnly(2025 + n, 1, 1));

    private static DateRange Cumulative(int n) => new(new DateOnly(2025, 1, 1), new DateOnly(2025 + n, 1, 1));

    /// <summary>
    /// The pipeline every test above reads; built through ProjectService, as staff would build it. The dashboard's
    /// tests (Features/Home) read it too: C and D belong to team B, and park 1 has a sub-park (东区) with no projects.
    /// </summary>
    internal sealed class Fixture : IAsyncDisposable
    {
        private readonly ProjectTestDatabase _database;
        private readonly TestClock _clock = new(new DateTimeOffset(2025, 1, 2, 9, 0, 0, China));
        private readonly ProjectService _projects;

        private Fixture(ProjectTestDatabase database)
        {
            _database = database;
            Ledger = new LedgerService(database.Db, _clock);
            _projects = new ProjectService(database.Db, Ledger, new ReferenceCache(), _clock, new InvestCRM.Features.Notifications.Notifier(database.Db, _clock));
            Queries = new LedgerQueries(database.Db);
            Maintenance = new LedgerMaintenance(database.Db, Ledger);
            Progress = new TargetProgress(database.Db, new TargetCatalog(database.Db, new ReferenceCache()), Queries, new ReferenceCache(), _clock);
        }

        public InvestCRM.Data.CrmDbContext Db => _database.Db;
        public ProjectTestDatabase Database => _database;
        public TestClock Clock => _clock;
        public ProjectService Projects => _projects;
        public int Park1East { get; private set; }
        public LedgerService Ledger { get; }
        public LedgerQueries Queries { get; }
        public LedgerMaintenance Maintenance { get; }
        public TargetProgress Progress { get; }
        public int PlanId { get; private set; }
        public int Park1 { get; private set; }
        public int Park2 { get; private set; }
        public int Incubator1 { get; private set; }
        public int Incubator2 { get; private set; }

        public static async Task<Fixture> CreateAsync(string provider, CreditRule rule)
        {
            var fixture = new Fixture(await ProjectTestDatabase.CreateAsync(provider));
            await fixture.SeedUnitsAsync(rule);
            await fixture.BuildPipelineAsync();
            return fixture;
        }

        public async Task<LedgerTotals> TotalsAsync(TargetScope scope, int? unit, DateRange range)
        {
            var rule = await Db.Plans.Where(p => p.Id == PlanId).Select(p => p.CreditRule).FirstAsync();
            var signed = _database.Stage("signed").Id;
            return await Queries.TotalsAsync(new LedgerScope(signed, range, scope, unit is null ? [] : [unit.Value], rule));
        }

        public async Task<int> AddTargetAsync(TargetMetric metric, TargetScope scope, int? unit, int year, decimal value)
        {
            var target = new PlanTarget { PlanId = PlanId, Metric = metric, Scope = scope, ScopeId = unit, Period = TargetPeriod.CumulativeToPlanYear, Year = year, Value = value };
            Db.Targets.Add(target);
            await Db.SaveChangesAsync();
            return target.Id;
        }

        private async Task SeedUnitsAsync(CreditRule rule)
        {
            var plan = await Db.Plans.FirstAsync();
            plan.CreditRule = rule;
            var parks = new[] { new Park { PlanId = plan.Id, Name = "一号园区" }, new Park { PlanId = plan.Id, Name = "二号园区" } };
            var incubators = new[]
            {
                new OffshoreIncubator { PlanId = plan.Id, Name = "北京孵化器", City = "北京" },
                new OffshoreIncubator { PlanId = plan.Id, Name = "上海孵化器", City = "上海" },
            };
            Db.AddRange(parks);
            Db.AddRange(incubators);
            await Db.SaveChangesAsync();
            (PlanId, Park1, Park2, Incubator1, Incubator2) = (plan.Id, parks[0].Id, parks[1].Id, incubators[0].Id, incubators[1].Id);
            var east = new Park { PlanId = plan.Id, Name = "一号园区东区", ParentId = Park1 };
            Db.Parks.Add(east);
            await Db.SaveChangesAsync();
            Park1East = east.Id;
        }

        private async Task BuildPipelineAsync()
        {
            var a = await SignedAsync("A", Park1, Incubator1, At(2025, 6, 15, 10), signed: 1000, output: 2000, tax: 100);
            await SignedAsync("B", Park1, null, At(2025, 12, 31, 23, 30), signed: 500, output: 1000, tax: 50);
            await SignedAsync("C", Park2, null, At(2026, 1, 1, 0, 30), signed: 300, output: 1000, tax: 20, team: _database.TeamB);
            var d = await SignedAsync("D", Park2, Incubator2, At(2026, 3, 10, 9), signed: 400, output: 200, tax: 20, team: _database.TeamB);
            await SignedAsync("E", Park1, null, At(2026, 4, 1, 9), signed: 900, output: 0, tax: 0, expansionIncrement: 200);
            await SignedAsync("F", Park1, null, At(2026, 7, 1, 9), signed: 1000, output: 500, tax: 40, sharedWithPark: Park2);
            var h = await SignedAsync("H", Park1, null, At(2026, 8, 1, 9), signed: 777, output: 7, tax: 7);
            await CreateAsync("G", Park1, null, At(2026, 2, 1, 9), signed: null, output: 0, tax: 0, null, null, null); // never signed

            _clock.Now = At(2026, 5, 20, 9);
            var dropped = await Db.Projects.AsNoTracking().FirstAsync(p => p.Id == d);
            Assert.True((await _projects.SetStatusAsync(d, dropped.Version, ProjectStatus.Dropped, "企业战略调整", DropReason.StrategyChange)).Succeeded);

            // Editing a counted project later changes the project, not what was counted.
            _clock.Now = At(2026, 9, 1, 9);
            var edited = await Db.Projects.AsNoTracking().FirstAsync(p => p.Id == a);
            Assert.True((await _projects.UpdateAsync(a, edited.Version, ProjectInput.From(edited) with { SignedAmountWan = 5000 })).Succeeded);

            Db.ChangeTracker.Clear();
            var hEntry = await Db.LedgerEntries.FirstAsync(e => e.ProjectId == h);
            Assert.True((await Ledger.ReverseAsync(hEntry.Id, "重复上报")).Succeeded);
            Db.ChangeTracker.Clear();
        }

        private async Task<int> SignedAsync(string title, int park, int? incubator, DateTimeOffset at, decimal signed, decimal output, decimal tax,
            decimal? expansionIncrement = null, int? sharedWithPark = null, int? team = null)
        {
            var id = await CreateAsync(title, park, incubator, at.AddDays(-30), signed, output, tax, expansionIncrement, sharedWithPark, team);
            _clock.Now = at;
            var project = await Db.Projects.AsNoTracking().FirstAsync(p => p.Id == id);
            var move = new StageMove(_database.Stage("signed").Id, null)
            {
                Facts = new StageFacts { AgreementDate = DateOnly.FromDateTime(at.Date), SignedAmountWan = signed },
            };
            var outcome = await _projects.MoveAsync(id, project.Version, move);
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            Db.ChangeTracker.Clear();
            return id;
        }

        private async Task<int> CreateAsync(string title, int park, int? incubator, DateTimeOffset at, decimal? signed, decimal output, decimal tax,
            decimal? expansionIncrement, int? sharedWithPark, int? team)
        {
            _clock.Now = at;
            var input = new ProjectInput
            {
                EnterpriseId = await _database.EnterpriseAsync($"{title}企业有限公司"), Title = $"项目{title}", OwnerId = "staff-a",
                TeamId = team ?? _database.TeamA, ParkId = park, IncubatorId = incubator,
                Source = incubator is null ? ProjectSource.SelfSourced : ProjectSource.OffshoreIncubator,
                PlannedInvestmentWan = signed, ExpectedOutputWan = output, ExpectedTaxWan = tax,
                IsExpansion = expansionIncrement is not null, ExpansionIncrementWan = expansionIncrement,
                SecondaryCreditScope = sharedWithPark is null ? null : TargetScope.Park, SecondaryCreditId = sharedWithPark,
                SecondaryCreditPercent = sharedWithPark is null ? null : 40,
            };
            var outcome = await _projects.CreateAsync(input);
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            Db.ChangeTracker.Clear();
            return outcome.Id;
        }

        private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, China);

        public ValueTask DisposeAsync() => _database.DisposeAsync();
    }
}
