using InvestCRM.Features.Demo;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Identity;

public abstract class AccessScopeTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Partner_sees_only_their_own_incubator()
    {
        var partner = await App.CurrentUserAsync(DemoAccounts.PartnerBeijing);
        await using var db = App.Database.CreateContext(partner);

        var visible = await db.Incubators.ToListAsync(Ct);

        var own = Assert.Single(visible);
        Assert.Equal("北京", own.City);
        Assert.Equal(partner.IncubatorId, own.Id);
    }

    [Fact]
    public async Task Another_incubator_cannot_be_found_by_its_id()
    {
        var shanghai = await IncubatorIdAsync("上海");
        var partner = await App.CurrentUserAsync(DemoAccounts.PartnerBeijing);
        await using var db = App.Database.CreateContext(partner);

        Assert.Null(await db.Incubators.FindAsync([shanghai], Ct));
        Assert.Null(await db.Incubators.FirstOrDefaultAsync(i => i.Id == shanghai, Ct));
    }

    [Theory]
    [InlineData(DemoAccounts.Manager)]
    [InlineData(DemoAccounts.Staff)]
    [InlineData(DemoAccounts.Admin)]
    public async Task Park_staff_see_every_incubator_of_the_plan(string email)
    {
        var user = await App.CurrentUserAsync(email);
        await using var db = App.Database.CreateContext(user);

        Assert.Equal(SanmingPlan.Incubators.Length, await db.Incubators.CountAsync(Ct));
    }

    [Fact]
    public async Task Anonymous_callers_see_no_incubator()
    {
        await using var db = App.Database.CreateContext(CurrentUser.Anonymous);

        Assert.Equal(0, await db.Incubators.CountAsync(Ct));
    }

    private async Task<int> IncubatorIdAsync(string city)
    {
        await using var db = App.Database.CreateContext();
        return await db.Incubators.Where(i => i.City == city).Select(i => i.Id).SingleAsync(Ct);
    }

    public sealed class Sqlite(SqliteApp app) : AccessScopeTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AccessScopeTests(app), IClassFixture<PostgresApp>;
}
