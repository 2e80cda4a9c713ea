using InvestCRM.Data;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Reporting;

/// <summary>What the report filter offers for one plan: the plans, the plan's periods, its parks, chains, teams and incubators.</summary>
public sealed record ReportOptions(
    Plan Plan, IReadOnlyList<Option> Plans, IReadOnlyList<ReportPeriod> Periods,
    IReadOnlyList<Option> Parks, IReadOnlyList<Option> Chains, IReadOnlyList<Option> Teams, IReadOnlyList<Option> Incubators);

public sealed class ReportOptionsQuery(CrmDbContext db)
{
    /// <summary>The options for the filter's plan (the newest plan when none is chosen); null when there is no plan.</summary>
    public async Task<ReportOptions?> ForAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Current(filter.PlanId).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        return new ReportOptions(
            plan,
            await db.Plans.AsNoTracking().OrderByDescending(p => p.StartYear).Select(p => new Option(p.Id.ToString(), p.Name, p.NameEn)).ToListAsync(ct),
            ReportPeriod.OffersFor(plan),
            await db.Parks.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.SortOrder)
                .Select(p => new Option(p.Id.ToString(), p.Name, p.NameEn)).ToListAsync(ct),
            await db.IndustryChains.AsNoTracking().Where(c => c.PlanId == plan.Id).OrderBy(c => c.SortOrder)
                .Select(c => new Option(c.Id.ToString(), c.Name, c.NameEn)).ToListAsync(ct),
            await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Id.ToString(), t.Name, t.NameEn)).ToListAsync(ct),
            await db.Incubators.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Name)
                .Select(i => new Option(i.Id.ToString(), i.Name, null)).ToListAsync(ct));
    }
}
