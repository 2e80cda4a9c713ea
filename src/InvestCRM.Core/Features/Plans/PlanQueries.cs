using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Plans;

internal static class PlanQueries
{
    /// <summary>The requested plan, or the newest one when none is asked for (the plan being worked on).</summary>
    public static IQueryable<Plan> Current(this IQueryable<Plan> plans, int? planId) =>
        plans.Where(p => planId == null || p.Id == planId)
            .OrderByDescending(p => p.StartYear).ThenByDescending(p => p.Id);

    /// <summary>
    /// <see cref="Current"/>'s plan itself, untracked, as a compiled query: every report view reads it. A compiled query
    /// cannot call <see cref="Current"/>, so its rule is spelled out again here, next to it.
    /// </summary>
    public static Task<Plan?> CurrentPlanAsync(this CrmDbContext db, int? planId, CancellationToken ct = default) =>
        CurrentPlan.For(db)(db, planId, ct);

    private static readonly CompiledQuery<Func<CrmDbContext, int?, CancellationToken, Task<Plan?>>> CurrentPlan = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, int? planId, CancellationToken ct) => db.Plans.AsNoTracking()
            .Where(p => planId == null || p.Id == planId).OrderByDescending(p => p.StartYear).ThenByDescending(p => p.Id).FirstOrDefault()));
}
