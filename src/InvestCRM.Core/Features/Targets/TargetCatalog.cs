using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Targets;

public sealed record TargetRow(int Id, TargetMetric Metric, TargetScope Scope, int? ScopeId, UnitName? Unit,
    TargetPeriod Period, int? Year, DateOnly? From, DateOnly? To, decimal Value, string? Note);

/// <summary>The name of the park, chain, node, incubator or team a target points at, and its English name where it has one.</summary>
public sealed record UnitName(string Zh, string? En);

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
    public static IReadOnlyList<TargetRow> Rows(IEnumerable<PlanTarget> targets, IReadOnlyDictionary<(TargetScope, int), UnitName> names) =>
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
    public Task<IReadOnlyDictionary<(TargetScope, int), UnitName>> ScopeNamesAsync(int planId, CancellationToken ct = default) =>
        cache.GetAsync(db, new ScopeNamesKey(planId, ReferenceCache.ScopeOf(db.User)), c => ReadScopeNamesAsync(planId, c), ct);

    private sealed record ScopeNamesKey(int PlanId, (bool, int?) Scope);

    /// <summary>One round trip.</summary>
    private async Task<IReadOnlyDictionary<(TargetScope, int), UnitName>> ReadScopeNamesAsync(int planId, CancellationToken ct)
    {
        var rows = await db.Parks.Where(p => p.PlanId == planId)
            .Select(p => new { Scope = TargetScope.Park, p.Id, p.Name, p.NameEn, Chain = (string?)null, ChainEn = (string?)null })
            .Concat(db.IndustryChains.Where(c => c.PlanId == planId)
                .Select(c => new { Scope = TargetScope.Chain, c.Id, c.Name, c.NameEn, Chain = (string?)null, ChainEn = (string?)null }))
            .Concat(db.ChainNodes.Where(n => n.Chain!.PlanId == planId)
                .Select(n => new { Scope = TargetScope.ChainNode, n.Id, n.Name, n.NameEn, Chain = (string?)n.Chain!.Name, ChainEn = n.Chain!.NameEn }))
            .Concat(db.Incubators.Where(i => i.PlanId == planId)
                .Select(i => new { Scope = TargetScope.Incubator, i.Id, i.Name, NameEn = (string?)null, Chain = (string?)null, ChainEn = (string?)null }))
            .Concat(db.Teams.Select(t => new { Scope = TargetScope.Team, t.Id, t.Name, t.NameEn, Chain = (string?)null, ChainEn = (string?)null }))
            .ToListAsync(ct);
        // A node is named with its chain; in English, each part falls back to Chinese where it has no English name.
        return rows.ToDictionary(r => (r.Scope, r.Id), r => r.Chain is null
            ? new UnitName(r.Name, r.NameEn)
            : new UnitName($"{r.Chain} · {r.Name}", r.ChainEn is null && r.NameEn is null ? null : $"{r.ChainEn ?? r.Chain} · {r.NameEn ?? r.Name}"));
    }
}
