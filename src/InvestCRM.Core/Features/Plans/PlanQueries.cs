using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Plans;

internal static class PlanQueries
{
    /// <summary>The requested plan, or the newest one when none is asked for (the plan being worked on).</summary>
    public static IQueryable<Plan> Current(this IQueryable<Plan> plans, int? planId) =>
        plans.Where(p => planId == null || p.Id == planId)
            .OrderByDescending(p => p.StartYear).ThenByDescending(p => p.Id);
}
