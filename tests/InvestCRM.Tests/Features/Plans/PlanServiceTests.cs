using InvestCRM.Data;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Plans;

public class PlanServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_plan_needs_a_unique_name_and_an_end_not_before_its_start(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ReferenceData.AddPlanAsync(database, "三明规划");

        await using var db = database.Context();
        var outcome = await new PlanService(db).CreateAsync(new PlanInput { Name = " 三明规划 ", StartYear = 2025, EndYear = 2021 });

        Assert.Contains(outcome.Problems, p => p.Field == nameof(PlanInput.Name) && p.Code == "Validation.NameTaken");
        Assert.Contains(outcome.Problems, p => p.Field == nameof(PlanInput.EndYear) && p.Code == "Validation.EndBeforeStart");
        Assert.Equal(1, await db.Plans.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_plan_cannot_be_shortened_past_its_targets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database, start: 2021, end: 2025);
        await using (var setup = database.Context())
        {
            setup.Targets.Add(new PlanTarget { PlanId = planId, Scope = TargetScope.Plan, Period = TargetPeriod.CumulativeToPlanYear, Year = 5, Value = 500 });
            await setup.SaveChangesAsync();
        }

        await using var db = database.Context();
        var input = new PlanInput { Name = "测试规划", StartYear = 2021, EndYear = 2023 };
        var shortened = await new PlanService(db).UpdateAsync(planId, input);
        var extended = await new PlanService(db).UpdateAsync(planId, new PlanInput { Name = "测试规划", StartYear = 2021, EndYear = 2026 });

        Assert.Equal("Validation.TargetsOutsideYears", Assert.Single(shortened.Problems).Code);
        Assert.True(extended.Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_park_cannot_lie_within_itself_or_in_another_plan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        var otherPlan = await ReferenceData.AddPlanAsync(database, "另一规划");
        var basePark = await ReferenceData.AddParkAsync(database, planId, "新材料产业基地");
        var child = await ReferenceData.AddParkAsync(database, planId, "三明经济开发区", basePark);
        var foreign = await ReferenceData.AddParkAsync(database, otherPlan, "别处园区");

        await using var db = database.Context();
        var service = new PlanService(db);
        var cycle = await service.UpdateParkAsync(basePark, new ParkInput { Name = "新材料产业基地", ParentId = child });
        var self = await service.UpdateParkAsync(basePark, new ParkInput { Name = "新材料产业基地", ParentId = basePark });
        var elsewhere = await service.CreateParkAsync(planId, new ParkInput { Name = "新园区", ParentId = foreign });

        Assert.Equal("Validation.ParentCycle", Assert.Single(cycle.Problems).Code);
        Assert.Equal("Validation.ParentCycle", Assert.Single(self.Problems).Code);
        Assert.Equal("Validation.UnknownChoice", Assert.Single(elsewhere.Problems).Code);
        Assert.Null((await db.Parks.AsNoTracking().SingleAsync(p => p.Id == basePark)).ParentId);
        Assert.Equal(3, await db.Parks.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_park_without_a_number_goes_last(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        await ReferenceData.AddParkAsync(database, planId, "创新中心");

        await using var db = database.Context();
        var outcome = await new PlanService(db).CreateParkAsync(planId, new ParkInput { Name = " 生物医药产业基地 ", AreaMu = 10000 });

        var park = await db.Parks.AsNoTracking().SingleAsync(p => p.Id == outcome.Id);
        Assert.Equal("生物医药产业基地", park.Name);
        Assert.Equal(1, park.SortOrder);
    }
}
