using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Targets;

public sealed record TargetRow(int Id, TargetMetric Metric, TargetScope Scope, int? ScopeId, string? ScopeName,
    TargetPeriod Period, int? Year, DateOnly? From, DateOnly? To, decimal Value, string? Note);

/// <summary>Targets with the names of what they are scoped to.</summary>
public sealed class TargetCatalog(CrmDbContext db, ReferenceCache cache)
{
    public async Task<IReadOnlyList<TargetRow>> ListAsync(int planId, TargetScope? scope = null, CancellationToken ct = default)
    {
        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.PlanId == planId && (scope == null || t.Scope == scope))
            .OrderBy(t => t.Scope).ThenBy(t => t.ScopeId).ThenBy(t => t.Year).ThenBy(t => t.Metric)
            .ToListAsync(ct);
        return Rows(targets, await ScopeNamesAsync(planId, ct));
    }

    /// <summary>Targets already read, with the names of the units they point at.</summary>
    public static IReadOnlyList<TargetRow> Rows(IEnumerable<PlanTarget> targets, IReadOnlyDictionary<(TargetScope, int), string> names) =>
        targets.Select(t => new TargetRow(t.Id, t.Metric, t.Scope, t.ScopeId,
                t.ScopeId is { } id ? names.GetValueOrDefault((t.Scope, id)) : null,
                t.Period, t.Year, t.From, t.To, t.Value, t.Note))
            .ToList();

    public async Task<TargetRow?> FindAsync(int id, CancellationToken ct = default)
    {
        var planId = await db.Targets.Where(t => t.Id == id).Select(t => (int?)t.PlanId).FirstOrDefaultAsync(ct);
        return planId is null ? null : (await ListAsync(planId.Value, ct: ct)).FirstOrDefault(t => t.Id == id);
    }

    /// <summary>
    /// Name of every park, chain, node, incubator and team a target of the plan can point at (the dashboard reads them on
    /// every view), kept in the reference cache per plan and access scope.
    /// </summary>
    public Task<IReadOnlyDictionary<(TargetScope, int), string>> ScopeNamesAsync(int planId, CancellationToken ct = default) =>
        cache.GetAsync(db, new ScopeNamesKey(planId, ReferenceCache.ScopeOf(db.User)), c => ReadScopeNamesAsync(planId, c), ct);

    private sealed record ScopeNamesKey(int PlanId, (bool, int?) Scope);

    /// <summary>One round trip.</summary>
    private async Task<IReadOnlyDictionary<(TargetScope, int), string>> ReadScopeNamesAsync(int planId, CancellationToken ct)
    {
        var rows = await db.Parks.Where(p => p.PlanId == planId).Select(p => new { Scope = TargetScope.Park, p.Id, p.Name, Chain = (string?)null })
            .Concat(db.IndustryChains.Where(c => c.PlanId == planId).Select(c => new { Scope = TargetScope.Chain, c.Id, c.Name, Chain = (string?)null }))
            .Concat(db.ChainNodes.Where(n => n.Chain!.PlanId == planId).Select(n => new { Scope = TargetScope.ChainNode, n.Id, n.Name, Chain = (string?)n.Chain!.Name }))
            .Concat(db.Incubators.Where(i => i.PlanId == planId).Select(i => new { Scope = TargetScope.Incubator, i.Id, i.Name, Chain = (string?)null }))
            .Concat(db.Teams.Select(t => new { Scope = TargetScope.Team, t.Id, t.Name, Chain = (string?)null }))
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.Scope, r.Id), r => r.Chain is null ? r.Name : $"{r.Chain} · {r.Name}");
    }
}
