using InvestCRM.Data;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Targets;

namespace InvestCRM.Tests.Fixtures;

/// <summary>Core services built by hand on a test's context, as the app's container would build them.</summary>
public static class CoreServices
{
    public static TargetProgress Progress(CrmDbContext db, TimeProvider? clock = null) =>
        new(db, new TargetCatalog(db, new ReferenceCache()), new LedgerQueries(db), new ReferenceCache(), clock ?? TimeProvider.System);

    public static EnterpriseService Enterprises(CrmDbContext db) => new(db, Progress(db), TimeProvider.System);
}
