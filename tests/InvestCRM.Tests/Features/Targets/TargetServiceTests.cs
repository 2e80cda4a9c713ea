using InvestCRM.Data;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Enterprises;
using InvestCRM.Tests.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Targets;

public class TargetServiceTests
{
    private static TargetService Service(CrmDbContext db) => new(db, new TargetCatalog(db, new ReferenceCache()));

    private static TargetInput ParkTarget(int parkId) => new()
    {
        Metric = TargetMetric.EnterprisesIntroduced, Scope = TargetScope.Park, ScopeId = parkId,
        Period = TargetPeriod.CumulativeToPlanYear, Year = 3, Value = 150,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_target_must_point_at_something_of_its_plan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        var otherPlan = await ReferenceData.AddPlanAsync(database, "另一规划");
        var park = await ReferenceData.AddParkAsync(database, planId, "创新中心");
        var foreignPark = await ReferenceData.AddParkAsync(database, otherPlan, "别处园区");

        await using var db = database.Context();
        var foreign = await Service(db).CreateAsync(planId, ParkTarget(foreignPark));
        var wrongKind = await Service(db).CreateAsync(planId, Scoped(ParkTarget(park), TargetScope.Chain, park));
        var noScope = await Service(db).CreateAsync(planId, Scoped(ParkTarget(park), TargetScope.Incubator, null));
        var ok = await Service(db).CreateAsync(planId, ParkTarget(park));

        Assert.Equal(("Validation.ScopeNotInPlan", "Scope"), (Assert.Single(foreign.Problems).Code, foreign.Problems[0].Field));
        Assert.Equal("Validation.ScopeNotInPlan", Assert.Single(wrongKind.Problems).Code);
        Assert.Equal("Validation.Required", Assert.Single(noScope.Problems).Code);
        Assert.True(ok.Succeeded);
        Assert.Equal(1, await db.Targets.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Years_and_dates_must_lie_within_the_plan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database, start: 2021, end: 2025);
        var park = await ReferenceData.AddParkAsync(database, planId, "创新中心");

        await using var db = database.Context();
        var planYear6 = await Service(db).CreateAsync(planId, Period(ParkTarget(park), TargetPeriod.PlanYear, 6));
        var planYear0 = await Service(db).CreateAsync(planId, Period(ParkTarget(park), TargetPeriod.CumulativeToPlanYear, 0));
        var calendar2026 = await Service(db).CreateAsync(planId, Period(ParkTarget(park), TargetPeriod.CalendarYear, 2026));
        var reversed = await Service(db).CreateAsync(planId, Custom(ParkTarget(park), new DateOnly(2024, 6, 30), new DateOnly(2024, 1, 1)));
        var lateEnd = await Service(db).CreateAsync(planId, Custom(ParkTarget(park), new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 1)));
        var calendar2025 = await Service(db).CreateAsync(planId, Period(ParkTarget(park), TargetPeriod.CalendarYear, 2025));

        foreach (var refused in new[] { planYear6, planYear0, calendar2026 })
        {
            Assert.Equal(("Validation.OutsidePlanYears", "Year"), (Assert.Single(refused.Problems).Code, refused.Problems[0].Field));
        }

        Assert.Equal(("Validation.EndBeforeStart", "To"), (Assert.Single(reversed.Problems).Code, reversed.Problems[0].Field));
        Assert.Equal(("Validation.OutsidePlanYears", "To"), (Assert.Single(lateEnd.Problems).Code, lateEnd.Problems[0].Field));
        Assert.True(calendar2025.Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_edit_leaves_the_target_as_it_was(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        var park = await ReferenceData.AddParkAsync(database, planId, "创新中心");
        await using var db = database.Context();
        var id = (await Service(db).CreateAsync(planId, ParkTarget(park))).Id;

        var negative = ParkTarget(park);
        negative.Value = -1;
        var refused = await Service(db).UpdateAsync(id, negative);
        var missing = await Service(db).UpdateAsync(999_999, ParkTarget(park));

        await using var fresh = database.Context();
        Assert.Equal(("Validation.NotNegative", "Value"), (Assert.Single(refused.Problems).Code, refused.Problems[0].Field));
        Assert.True(missing.IsNotFound);
        Assert.Equal(150, (await fresh.Targets.SingleAsync(t => t.Id == id)).Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Fields_the_period_or_scope_does_not_use_are_not_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        await using var db = database.Context();
        var input = new TargetInput
        {
            Metric = TargetMetric.OutputValueWan, Scope = TargetScope.Plan, ScopeId = 12345, Period = TargetPeriod.Custom, Year = 3,
            From = new DateOnly(2022, 1, 1), To = new DateOnly(2023, 12, 31), Value = 100_000,
        };

        var outcome = await Service(db).CreateAsync(planId, input);

        var stored = await db.Targets.AsNoTracking().SingleAsync(t => t.Id == outcome.Id);
        Assert.Null(stored.ScopeId);
        Assert.Null(stored.Year);
        Assert.Equal(new DateOnly(2022, 1, 1), stored.From);
    }

    private static TargetInput Scoped(TargetInput input, TargetScope scope, int? id)
    {
        (input.Scope, input.ScopeId) = (scope, id);
        return input;
    }

    private static TargetInput Period(TargetInput input, TargetPeriod period, int year)
    {
        input.Period = period;
        input.Year = year;
        return input;
    }

    private static TargetInput Custom(TargetInput input, DateOnly from, DateOnly to)
    {
        input.Period = TargetPeriod.Custom;
        (input.From, input.To) = (from, to);
        return input;
    }
}
