using InvestCRM.Data;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Reporting;

/// <summary>What the report filter offers for one plan: the plans, the plan's periods, its parks, chains, teams and incubators.</summary>
public sealed record ReportOptions(
    Plan Plan, IReadOnlyList<Option> Plans, IReadOnlyList<ReportPeriod> Periods,
    IReadOnlyList<Option> Parks, IReadOnlyList<Option> Chains, IReadOnlyList<Option> Teams, IReadOnlyList<Option> Incubators);

public sealed class ReportOptionsQuery(CrmDbContext db, ReferenceCache cache)
{
    private enum OptionList
    {
        Plan,
        Park,
        Chain,
        Team,
        Incubator,
    }

    /// <summary>
    /// The options for the filter's plan (the newest plan when none is chosen); null when there is no plan. Every report
    /// view asks, so they are kept in the reference cache, per plan asked for and per access scope (a partner sees only
    /// its own incubator).
    /// </summary>
    public Task<ReportOptions?> ForAsync(ReportFilter filter, CancellationToken ct = default) =>
        cache.GetAsync(db, new OptionsKey(filter.PlanId, ReferenceCache.ScopeOf(db.User)), c => ReadAsync(filter.PlanId, c), ct);

    private sealed record OptionsKey(int? PlanId, (bool, int?) Scope);

    /// <summary>Two round trips: the plan, then the plans, parks, chains, teams and incubators in one UNION ALL.</summary>
    private async Task<ReportOptions?> ReadAsync(int? planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Current(planId).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var rows = await db.Plans.AsNoTracking()
            .Select(p => new OptionRow { Kind = (int)OptionList.Plan, Id = p.Id.ToString(), Zh = p.Name, En = p.NameEn, Order = -p.StartYear, Name = "" })
            .Concat(db.Parks.AsNoTracking().Where(p => p.PlanId == plan.Id)
                .Select(p => new OptionRow { Kind = (int)OptionList.Park, Id = p.Id.ToString(), Zh = p.Name, En = p.NameEn, Order = p.SortOrder, Name = "" }))
            .Concat(db.IndustryChains.AsNoTracking().Where(c => c.PlanId == plan.Id)
                .Select(c => new OptionRow { Kind = (int)OptionList.Chain, Id = c.Id.ToString(), Zh = c.Name, En = c.NameEn, Order = c.SortOrder, Name = "" }))
            .Concat(db.Teams.AsNoTracking()
                .Select(t => new OptionRow { Kind = (int)OptionList.Team, Id = t.Id.ToString(), Zh = t.Name, En = t.NameEn, Order = 0, Name = t.Name }))
            .Concat(db.Incubators.AsNoTracking().Where(i => i.PlanId == plan.Id)
                .Select(i => new OptionRow { Kind = (int)OptionList.Incubator, Id = i.Id.ToString(), Zh = i.Name, En = null, Order = 0, Name = i.Name }))
            .OrderBy(r => r.Kind).ThenBy(r => r.Order).ThenBy(r => r.Name)
            .ToListAsync(ct);
        var lists = rows.ToLookup(r => (OptionList)r.Kind, r => r.Option);
        return new ReportOptions(plan, [.. lists[OptionList.Plan]], ReportPeriod.OffersFor(plan),
            [.. lists[OptionList.Park]], [.. lists[OptionList.Chain]], [.. lists[OptionList.Team]], [.. lists[OptionList.Incubator]]);
    }
}
