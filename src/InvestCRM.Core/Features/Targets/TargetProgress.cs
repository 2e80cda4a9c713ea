using InvestCRM.Data;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Targets;

/// <summary>One target with its completion: counted value, percentage and whether it is on pace.</summary>
public sealed record TargetCompletion(TargetRow Target, int CountingStageId, DateRange Range, decimal Actual, decimal Expected)
{
    public decimal Percent => Target.Value == 0 ? 0 : Math.Round(Actual / Target.Value * 100, 1);
    public bool OnPace => Actual >= Expected;
}

/// <summary>A plan with what its completion figures need: the default counting stage and the park tree (id, parent).</summary>
public sealed record PlanContext(Plan Plan, int DefaultStageId, IReadOnlyList<(int Id, int? ParentId)> Parks);

/// <summary>Completion against every target of a plan, from the ledger's summaries.</summary>
public sealed class TargetProgress(CrmDbContext db, TargetCatalog catalog, LedgerQueries ledger, ReferenceCache cache, TimeProvider clock)
{
    public Task<IReadOnlyList<TargetCompletion>> ForPlanAsync(int planId, CancellationToken ct = default) =>
        ForPlanAsync(planId, (_, _) => true, ct);

    /// <summary>Completion of the targets scoped to one unit (an incubator's page shows only its own).</summary>
    public Task<IReadOnlyList<TargetCompletion>> ForUnitAsync(int planId, TargetScope scope, int unitId, CancellationToken ct = default) =>
        ForPlanAsync(planId, (t, _) => t.Scope == scope && t.ScopeId == unitId, ct);

    /// <summary>Completion of the plan's targets that <paramref name="include"/> accepts (a report's period and units).</summary>
    public async Task<IReadOnlyList<TargetCompletion>> ForPlanAsync(int planId, Func<PlanTarget, Plan, bool> include, CancellationToken ct = default) =>
        await ForPlanAsync(await ContextAsync(planId, ct), include, ct);

    /// <summary>The same for a report that has already read the plan, its default counting stage and its parks.</summary>
    public async Task<IReadOnlyList<TargetCompletion>> ForPlanAsync(PlanContext context, Func<PlanTarget, Plan, bool> include, CancellationToken ct = default)
    {
        var plan = context.Plan;
        // Milestones (for the pace) come from every target of the plan, even those the report leaves out.
        var targets = await cache.GetAsync(db, new TargetsKey(plan.Id), c => TargetsAsync(plan.Id, c), ct);
        var rows = TargetCatalog.Rows(targets, await catalog.ScopeNamesAsync(plan.Id, ct)).ToDictionary(r => r.Id);
        var now = clock.GetUtcNow();

        var shown = targets.Where(t => include(t, plan)).OrderBy(t => rows[t.Id].Scope).ThenBy(t => t.ScopeId).ThenBy(t => t.Year).ThenBy(t => t.Metric).ToList();
        var scopes = shown.Select(t => ScopeOf(t, plan, context.DefaultStageId, context.Parks)).ToList();
        var totals = await ledger.TotalsManyAsync(scopes, ct);
        return shown.Select((target, i) =>
            new TargetCompletion(rows[target.Id], scopes[i].StageId, scopes[i].Range, totals[i].Of(target.Metric), Expected(target, targets, plan, now))).ToList();
    }

    /// <summary>Every target of the plan, kept in the reference cache: every dashboard, ledger and forecast view reads them.</summary>
    private async Task<IReadOnlyList<PlanTarget>> TargetsAsync(int planId, CancellationToken ct) =>
        await db.Targets.AsNoTracking().Where(t => t.PlanId == planId).ToListAsync(ct);

    private sealed record TargetsKey(int PlanId);

    /// <summary>The plan, the default counting stage and the park tree: what every completion figure of a plan needs.</summary>
    public async Task<PlanContext> ContextAsync(int planId, CancellationToken ct = default) =>
        await ContextAsync(await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct), ct);

    /// <summary>The same for a plan already read; the stage and the park tree come from the reference cache.</summary>
    public async Task<PlanContext> ContextAsync(Plan plan, CancellationToken ct = default) =>
        new(plan, await DefaultCountingStageAsync(ct), await cache.GetAsync(db, new ParkTreeKey(plan.Id), c => ParkTreeAsync(plan.Id, c), ct));

    private sealed record ParkTreeKey(int PlanId);

    private async Task<IReadOnlyList<(int Id, int? ParentId)>> ParkTreeAsync(int planId, CancellationToken ct) =>
        (await db.Parks.AsNoTracking().Where(p => p.PlanId == planId).Select(p => new { p.Id, p.ParentId }).ToListAsync(ct))
            .Select(p => (p.Id, p.ParentId)).ToList();

    public async Task<LedgerScope?> ScopeOfTargetAsync(int targetId, CancellationToken ct = default)
    {
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == target.PlanId, ct);
        var parks = await db.Parks.AsNoTracking().Where(p => p.PlanId == plan.Id).Select(p => new { p.Id, p.ParentId }).ToListAsync(ct);
        return ScopeOf(target, plan, await DefaultCountingStageAsync(ct), parks.Select(p => (p.Id, p.ParentId)).ToList());
    }

    /// <summary>The first stage, in pipeline order, flagged as counting a project as introduced.</summary>
    public Task<int> DefaultCountingStageAsync(CancellationToken ct = default) =>
        cache.GetAsync(db, DefaultStageKey, c => db.Stages.Where(s => s.CountsAsIntroduced).OrderBy(s => s.Order).Select(s => s.Id).FirstOrDefaultAsync(c), ct);

    private static readonly object DefaultStageKey = new();

    /// <summary>
    /// The stages a project is open (在谈) at: those before the default counting stage in pipeline order; every stage when
    /// none counts. The chain map and the 揭榜挂帅 claims both count open projects by it.
    /// </summary>
    public async Task<List<int>> OpenStagesAsync(CancellationToken ct = default)
    {
        var countingStage = await DefaultCountingStageAsync(ct);
        var counting = await db.Stages.Where(s => s.Id == countingStage).Select(s => (int?)s.Order).FirstOrDefaultAsync(ct);
        return await db.Stages.Where(s => counting == null || s.Order < counting).Select(s => s.Id).ToListAsync(ct);
    }

    private static LedgerScope ScopeOf(PlanTarget target, Plan plan, int defaultStage, IReadOnlyList<(int Id, int? ParentId)> parks)
    {
        IReadOnlyList<int> units = target.Scope switch
        {
            TargetScope.Plan => [],
            TargetScope.Park => WithDescendants(target.ScopeId ?? 0, parks),
            _ => [target.ScopeId ?? 0],
        };
        return new LedgerScope(target.CountingStageId ?? defaultStage, TargetPeriods.RangeOf(target, plan), target.Scope, units, plan.CreditRule);
    }

    /// <summary>A base's target counts what lands in any park inside it.</summary>
    public static List<int> WithDescendants(int parkId, IReadOnlyList<(int Id, int? ParentId)> parks)
    {
        var result = new List<int> { parkId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(parks.Where(p => p.ParentId == result[i]).Select(p => p.Id));
        }

        return result;
    }

    /// <summary>
    /// Where the figure should be by now. Cumulative targets of the same metric and unit form milestones
    /// (50 → 150 → 300): the expectation moves linearly between them; other targets pro rata over their period.
    /// </summary>
    internal static decimal Expected(PlanTarget target, IReadOnlyList<PlanTarget> all, Plan plan, DateTimeOffset now)
    {
        var range = TargetPeriods.RangeOf(target, plan);
        if (target.Period != TargetPeriod.CumulativeToPlanYear)
        {
            return Math.Round(target.Value * range.Elapsed(now), 2);
        }

        var milestones = all
            .Where(t => t.Period == TargetPeriod.CumulativeToPlanYear && t.Metric == target.Metric && t.Scope == target.Scope
                && t.ScopeId == target.ScopeId && t.CountingStageId == target.CountingStageId && t.Year <= target.Year)
            .OrderBy(t => t.Year)
            .Select(t => (End: TargetPeriods.RangeOf(t, plan).End, t.Value))
            .Prepend((End: range.Start, Value: 0m))
            .ToList();
        for (var i = 1; i < milestones.Count; i++)
        {
            if (now < milestones[i].End)
            {
                var (from, to) = (milestones[i - 1], milestones[i]);
                var fraction = now <= from.End ? 0 : (decimal)((now - from.End).TotalDays / (to.End - from.End).TotalDays);
                return Math.Round(from.Value + (to.Value - from.Value) * fraction, 2);
            }
        }

        return target.Value;
    }
}
