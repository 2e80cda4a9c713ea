using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Plans;

public sealed record PlanSummary(int Id, string Name, string? NameEn, int StartYear, int EndYear);

public sealed record PlanOverview(Plan Plan, IReadOnlyList<Park> Parks, int Chains, int ChainNodes, int Incubators, int OperatingIncubators, int Targets);

/// <summary>Read side of plans: what the shell and dashboard show about the plan being worked on.</summary>
public sealed class PlanCatalog(CrmDbContext db)
{
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken ct = default) =>
        await db.Plans.AsNoTracking().OrderByDescending(p => p.StartYear).ThenBy(p => p.Name)
            .Select(p => new PlanSummary(p.Id, p.Name, p.NameEn, p.StartYear, p.EndYear)).ToListAsync(ct);

    /// <summary>The requested plan, or the newest one when none is asked for.</summary>
    public async Task<PlanSummary?> CurrentAsync(int? planId = null, CancellationToken ct = default) =>
        await db.Plans.AsNoTracking().Current(planId)
            .Select(p => new PlanSummary(p.Id, p.Name, p.NameEn, p.StartYear, p.EndYear)).FirstOrDefaultAsync(ct);

    /// <summary>The requested plan, or the newest one when none is asked for.</summary>
    public async Task<PlanOverview?> OverviewAsync(int? planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Current(planId).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var parks = await db.Parks.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        var chains = db.IndustryChains.Where(c => c.PlanId == plan.Id);
        var incubators = db.Incubators.Where(i => i.PlanId == plan.Id);
        return new PlanOverview(
            plan,
            parks,
            await chains.CountAsync(ct),
            await db.ChainNodes.CountAsync(n => chains.Any(c => c.Id == n.ChainId), ct),
            await incubators.CountAsync(ct),
            await incubators.CountAsync(i => i.Status == Incubators.IncubatorStatus.Operating, ct),
            await db.Targets.CountAsync(t => t.PlanId == plan.Id, ct));
    }
}
