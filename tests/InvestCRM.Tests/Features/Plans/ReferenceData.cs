using InvestCRM.Features.Plans;
using InvestCRM.Tests.Features.Enterprises;

namespace InvestCRM.Tests.Features.Plans;

/// <summary>Rows the reference-data tests build on; each test makes its own.</summary>
public static class ReferenceData
{
    public static async Task<int> AddPlanAsync(TestDatabase database, string name = "测试规划", int start = 2021, int end = 2025)
    {
        await using var db = database.Context();
        var plan = new Plan { Name = name, StartYear = start, EndYear = end };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    public static async Task<int> AddParkAsync(TestDatabase database, int planId, string name, int? parentId = null)
    {
        await using var db = database.Context();
        var park = new Park { PlanId = planId, Name = name, ParentId = parentId };
        db.Parks.Add(park);
        await db.SaveChangesAsync();
        return park.Id;
    }
}
