using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Tests.Features.Enterprises;
using InvestCRM.Tests.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Incubators;

public class IncubatorServiceTests
{
    private static IncubatorInput Beijing() => new()
    {
        Name = "三明中关村离岸孵化器（北京）", City = "北京", Region = RegionCluster.BeijingTianjinHebei,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incubator_needs_a_city_a_known_region_and_a_name_unused_in_its_plan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);

        await using var db = database.Context();
        var service = new IncubatorService(db, TimeProvider.System);
        Assert.True((await service.CreateAsync(planId, Beijing())).Succeeded);
        var duplicate = await service.CreateAsync(planId, Beijing());
        var invalid = await service.CreateAsync(planId, new IncubatorInput { Name = "新孵化器", City = "", Region = (RegionCluster)42 });

        Assert.Equal("Validation.NameTaken", Assert.Single(duplicate.Problems).Code);
        Assert.Contains(invalid.Problems, p => p.Field == nameof(IncubatorInput.City) && p.Code == "Validation.Required");
        Assert.Contains(invalid.Problems, p => p.Field == nameof(IncubatorInput.Region) && p.Code == "Validation.UnknownChoice");
        Assert.Equal(1, await db.Incubators.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Details_are_saved_and_an_agreement_cannot_end_before_it_starts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        await using var db = database.Context();
        var service = new IncubatorService(db, TimeProvider.System);
        var id = (await service.CreateAsync(planId, Beijing())).Id;
        var details = Beijing();
        (details.Address, details.AgreementStart, details.AgreementEnd) = (" 海淀区中关村大街 1 号 ", new DateOnly(2024, 3, 1), new DateOnly(2027, 2, 28));

        var saved = await service.UpdateAsync(id, details);
        details.AgreementEnd = new DateOnly(2024, 2, 1);
        var refused = await service.UpdateAsync(id, details);

        Assert.True(saved.Succeeded);
        Assert.Equal(new Problem("Validation.EndBeforeStart", nameof(IncubatorInput.AgreementEnd)), Assert.Single(refused.Problems));
        db.ChangeTracker.Clear();
        var row = await service.FindAsync(id);
        Assert.Equal(("海淀区中关村大街 1 号", new DateOnly(2027, 2, 28), IncubatorStatus.Planned), (row!.Address, row.AgreementEnd, row.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_partner_finds_only_their_own_incubator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        int own, other;
        await using (var setup = database.Context())
        {
            var service = new IncubatorService(setup, TimeProvider.System);
            own = (await service.CreateAsync(planId, Beijing())).Id;
            other = (await service.CreateAsync(planId, new IncubatorInput { Name = "三明中关村离岸孵化器（上海）", City = "上海", Region = RegionCluster.YangtzeRiverDelta })).Id;
        }

        database.User.Current = new CurrentUser("partner", "伙伴", new HashSet<string> { Roles.Partner }, null, own);
        await using var db = database.Context();
        var list = await new IncubatorService(db, TimeProvider.System).ListAsync(planId);

        Assert.NotNull(await new IncubatorService(db, TimeProvider.System).FindAsync(own));
        Assert.Null(await new IncubatorService(db, TimeProvider.System).FindAsync(other));
        Assert.Equal(own, Assert.Single(list!.Incubators).Incubator.Id);
    }
}
