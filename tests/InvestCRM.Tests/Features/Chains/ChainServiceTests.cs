using InvestCRM.Data;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Chains;
using InvestCRM.Tests.Features.Enterprises;
using InvestCRM.Tests.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Chains;

public class ChainServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_chains_are_refused_field_by_field_and_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        var otherPlan = await ReferenceData.AddPlanAsync(database, "另一规划");
        var foreignPark = await ReferenceData.AddParkAsync(database, otherPlan, "别处园区");

        await using var db = database.Context();
        var outcome = await new ChainService(db).CreateAsync(planId, new ChainInput { Name = "  ", SortOrder = -1, ParkId = foreignPark });

        Assert.Contains(outcome.Problems, p => p.Field == nameof(ChainInput.Name) && p.Code == "Validation.Required");
        Assert.Contains(outcome.Problems, p => p.Field == nameof(ChainInput.SortOrder) && p.Code == "Validation.NotNegative");
        Assert.Contains(outcome.Problems, p => p.Field == nameof(ChainInput.ParkId) && p.Code == "Validation.UnknownChoice");
        Assert.Equal(0, await db.IndustryChains.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chain_names_are_unique_within_a_plan_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        var otherPlan = await ReferenceData.AddPlanAsync(database, "另一规划");

        await using var db = database.Context();
        var service = new ChainService(db);
        var first = await service.CreateAsync(planId, new ChainInput { Name = "含氟新材料" });
        var again = await service.CreateAsync(planId, new ChainInput { Name = " 含氟新材料 " });
        var elsewhere = await service.CreateAsync(otherPlan, new ChainInput { Name = "含氟新材料" });
        var missing = await service.CreateAsync(999_999, new ChainInput { Name = "稀土新材料" });

        Assert.True(first.Succeeded);
        Assert.Equal("Validation.NameTaken", Assert.Single(again.Problems).Code);
        Assert.True(elsewhere.Succeeded);
        Assert.True(missing.IsNotFound);
        Assert.Equal(2, await db.IndustryChains.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_node_without_a_number_goes_last_in_its_segment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        await using var db = database.Context();
        var service = new ChainService(db);
        var chainId = (await service.CreateAsync(planId, new ChainInput { Name = "新能源电池材料" })).Id;

        var first = await service.AddNodeAsync(chainId, new ChainNodeInput { Name = "正极材料", Segment = ChainSegment.Midstream });
        var second = await service.AddNodeAsync(chainId, new ChainNodeInput { Name = "负极材料", Segment = ChainSegment.Midstream });
        var duplicate = await service.AddNodeAsync(chainId, new ChainNodeInput { Name = "负极材料", Segment = ChainSegment.Upstream });
        var moved = await service.UpdateNodeAsync(first.Id, new ChainNodeInput { Name = "正极材料", Segment = ChainSegment.Downstream });

        var nodes = (await service.FindAsync(chainId))!.Nodes;
        Assert.Equal("Validation.NameTaken", Assert.Single(duplicate.Problems).Code);
        Assert.True(moved.Succeeded);
        Assert.Equal(101, nodes.Single(n => n.Id == second.Id).SortOrder);
        Assert.Equal((ChainSegment.Downstream, 200), (nodes.Single(n => n.Id == first.Id).Segment, nodes.Single(n => n.Id == first.Id).SortOrder));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edit_is_audited_with_its_enum_type(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        database.User.Current = TestUser.Admin;
        int nodeId;
        await using (var setup = database.Context())
        {
            var service = new ChainService(setup);
            var chainId = (await service.CreateAsync(planId, new ChainInput { Name = "稀土新材料" })).Id;
            nodeId = (await service.AddNodeAsync(chainId, new ChainNodeInput { Name = "稀土永磁材料", Segment = ChainSegment.Upstream })).Id;
            await service.UpdateNodeAsync(nodeId, new ChainNodeInput { Name = "稀土永磁材料", Segment = ChainSegment.Midstream, SortOrder = 100 });
        }

        await using var db = database.Context();
        var history = await new AuditLog(db).ForAsync(nameof(ChainNode), nodeId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([AuditAction.Updated, AuditAction.Created], history.Select(h => h.Action));
        var segment = history[0].Changes.Single(c => c.Field == nameof(ChainNode.Segment));
        Assert.Equal(("Upstream", "Midstream", nameof(ChainSegment)), (segment.Old, segment.New, segment.EnumType));
        Assert.Equal("Admin", history[0].UserName);
    }
}
