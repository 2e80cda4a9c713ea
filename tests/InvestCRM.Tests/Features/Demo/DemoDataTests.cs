using InvestCRM.Features.Demo;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Demo;

public abstract class DemoDataTests(CrmApp app) : AppTests(app)
{
    private static readonly DemoCounts Expected = new(Plans: 1, Parks: 5, Chains: 9, Incubators: 10, Targets: 39, Teams: 5, Users: 6);

    [Fact]
    public async Task Start_up_loads_the_sanming_plan_and_one_account_per_demo_role()
    {
        Assert.Equal(Expected, await CountAsync());
    }

    [Fact]
    public async Task Loading_it_again_changes_nothing()
    {
        await LoadAsync();
        await LoadAsync();

        Assert.Equal(Expected, await CountAsync());
    }

    private async Task LoadAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(Ct);
    }

    private sealed record DemoCounts(int Plans, int Parks, int Chains, int Incubators, int Targets, int Teams, int Users);

    /// <summary>Counts what belongs to the demo plan, so rows another test of this class adds cannot interfere.</summary>
    private async Task<DemoCounts> CountAsync()
    {
        await using var db = App.Database.CreateContext();
        var plan = await db.Plans.Where(p => p.Name == SanmingPlan.Name).Select(p => p.Id).ToListAsync(Ct);
        var id = Assert.Single(plan);
        var teams = SanmingPlan.Teams.Select(t => t.Name).ToList();
        return new DemoCounts(
            plan.Count,
            await db.Parks.CountAsync(p => p.PlanId == id, Ct),
            await db.IndustryChains.CountAsync(c => c.PlanId == id, Ct),
            await db.Incubators.CountAsync(i => i.PlanId == id, Ct),
            await db.Targets.CountAsync(t => t.PlanId == id, Ct),
            await db.Teams.CountAsync(t => teams.Contains(t.Name), Ct),
            await db.Users.CountAsync(u => u.Email!.EndsWith("@" + DemoOptions.EmailDomain), Ct));
    }

    public sealed class Sqlite(SqliteApp app) : DemoDataTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : DemoDataTests(app), IClassFixture<PostgresApp>;
}
