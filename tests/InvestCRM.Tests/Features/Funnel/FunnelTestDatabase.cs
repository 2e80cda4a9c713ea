using InvestCRM.Data;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Tests.Features.Activities;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Funnel;

/// <summary>A project database with two parks and two incubators, a settable clock and the funnel's services.</summary>
public sealed class FunnelTestDatabase : IAsyncDisposable
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    private FunnelTestDatabase(ProjectTestDatabase database)
    {
        Database = database;
        Projects = new ProjectService(database.Db, new LedgerService(database.Db, Clock), new ReferenceCache(), Clock, new InvestCRM.Features.Notifications.Notifier(database.Db, Clock));
        Queries = new FunnelQueries(database.Db, new ReportOptionsQuery(database.Db, new ReferenceCache()), new ReferenceCache());
        Maintenance = new FunnelMaintenance(database.Db);
    }

    public ProjectTestDatabase Database { get; }
    public CrmDbContext Db => Database.Db;
    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 1, 2, 9, 0, 0, China));
    public ProjectService Projects { get; }
    public FunnelQueries Queries { get; }
    public FunnelMaintenance Maintenance { get; }
    public int PlanId { get; private set; }
    public int Park1 { get; private set; }
    public int Park2 { get; private set; }
    public int Incubator1 { get; private set; }
    public int Incubator2 { get; private set; }

    public static async Task<FunnelTestDatabase> CreateAsync(string provider)
    {
        var database = new FunnelTestDatabase(await ProjectTestDatabase.CreateAsync(provider));
        await database.SeedUnitsAsync();
        return database;
    }

    public int Stage(string code) => Database.Stage(code).Id;

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, China);

    public async Task<int> CreateAsync(string title, DateTimeOffset at, int? park, int? incubator, int team, decimal? planned)
    {
        Clock.Now = at;
        var input = new ProjectInput
        {
            EnterpriseId = await Database.EnterpriseAsync($"{title}企业有限公司"), Title = $"项目{title}", OwnerId = "staff-a",
            TeamId = team, ParkId = park, IncubatorId = incubator, PlannedInvestmentWan = planned,
            Source = incubator is null ? ProjectSource.SelfSourced : ProjectSource.OffshoreIncubator,
        };
        var outcome = await Projects.CreateAsync(input);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        Db.ChangeTracker.Clear();
        return outcome.Id;
    }

    /// <summary>Moves with whatever facts the stages passed need, so any jump is allowed.</summary>
    public async Task MoveAsync(int id, string stage, DateTimeOffset at)
    {
        Clock.Now = at;
        var project = await Db.Projects.AsNoTracking().FirstAsync(p => p.Id == id);
        var day = DateOnly.FromDateTime(at.Date);
        var facts = new StageFacts
        {
            AgreementDate = day, SignedAmountWan = 100, LocalEntityCreditCode = project.LocalEntityCreditCode,
            RegisteredOn = day, ConstructionStartedOn = day, ProductionStartedOn = day,
        };
        var outcome = await Projects.MoveAsync(id, project.Version, new StageMove(Stage(stage), "重新评估") { Facts = facts });
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        Db.ChangeTracker.Clear();
    }

    public async Task SetStatusAsync(int id, ProjectStatus status, DateTimeOffset at, DropReason? reason = null)
    {
        Clock.Now = at;
        var project = await Db.Projects.AsNoTracking().FirstAsync(p => p.Id == id);
        var outcome = await Projects.SetStatusAsync(id, project.Version, status, status == ProjectStatus.Active ? null : "企业原因", reason);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        Db.ChangeTracker.Clear();
    }

    /// <summary>The stored summary rows that carry something, in a comparable order.</summary>
    public async Task<List<string>> SummaryRowsAsync() =>
        (await Db.FunnelSummaries.AsNoTracking().Where(s => s.Projects != 0 || s.PlannedInvestmentWan != 0).ToListAsync())
            .Select(s => $"{s.Grain}={s.Projects}/{s.PlannedInvestmentWan}").Order(StringComparer.Ordinal).ToList();

    private async Task SeedUnitsAsync()
    {
        var plan = await Db.Plans.FirstAsync();
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
        Db.ChangeTracker.Clear();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
