using InvestCRM.Data;
using InvestCRM.Features.Teams;
using InvestCRM.Tests.Features.Enterprises;
using InvestCRM.Tests.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Teams;

public class TeamServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_team_needs_a_unique_name_and_an_existing_park(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        var park = await ReferenceData.AddParkAsync(database, planId, "创新中心");

        await using var db = database.Context();
        var service = new TeamService(db);
        var created = await service.CreateAsync(new TeamInput { Name = "新材料招商组", ParkId = park });
        var duplicate = await service.CreateAsync(new TeamInput { Name = "新材料招商组 " });
        var unknownPark = await service.UpdateAsync(created.Id, new TeamInput { Name = "新材料招商组", ParkId = 999_999 });

        Assert.True(created.Succeeded);
        Assert.Equal("Validation.NameTaken", Assert.Single(duplicate.Problems).Code);
        Assert.Equal(("Validation.UnknownChoice", "ParkId"), (Assert.Single(unknownPark.Problems).Code, unknownPark.Problems[0].Field));
        Assert.Equal(park, (await db.Teams.AsNoTracking().SingleAsync()).ParkId);
    }
}
