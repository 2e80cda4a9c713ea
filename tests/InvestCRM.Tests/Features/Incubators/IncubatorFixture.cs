using InvestCRM.Data;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Incubators;

/// <summary>Services and rows for incubator tests, on a <see cref="ProjectTestDatabase"/>.</summary>
internal static class IncubatorFixture
{
    public static IncubatorService Service(ProjectTestDatabase database) => new(database.Db, TimeProvider.System);

    public static IncubatorOverview Overview(ProjectTestDatabase database) => new(database.Db, Progress(database));

    public static TargetProgress Progress(ProjectTestDatabase database) =>
        new(database.Db, new TargetCatalog(database.Db, new ReferenceCache()), new LedgerQueries(database.Db), new ReferenceCache(), TimeProvider.System);

    public static async Task<int> AddIncubatorAsync(ProjectTestDatabase database, string name, RegionCluster region,
        IncubatorStatus status = IncubatorStatus.Planned)
    {
        var planId = await database.Db.Plans.Select(p => p.Id).FirstAsync();
        var incubator = new OffshoreIncubator { PlanId = planId, Name = name, City = name[..2], Region = region, Status = status };
        database.Db.Incubators.Add(incubator);
        await database.Db.SaveChangesAsync();
        database.Db.ChangeTracker.Clear();
        return incubator.Id;
    }
}
