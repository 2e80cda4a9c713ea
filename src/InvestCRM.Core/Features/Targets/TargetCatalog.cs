using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Targets;

public sealed record TargetRow(int Id, TargetMetric Metric, TargetScope Scope, int? ScopeId, string? ScopeName,
    TargetPeriod Period, int? Year, DateOnly? From, DateOnly? To, decimal Value, string? Note);

/// <summary>Targets with the names of what they are scoped to.</summary>
public sealed class TargetCatalog(CrmDbContext db)
{
    public async Task<IReadOnlyList<TargetRow>> ListAsync(int planId, TargetScope? scope = null, CancellationToken ct = default)
    {
        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.PlanId == planId && (scope == null || t.Scope == scope))
            .OrderBy(t => t.Scope).ThenBy(t => t.ScopeId).ThenBy(t => t.Year).ThenBy(t => t.Metric)
            .ToListAsync(ct);
        var names = await ScopeNamesAsync(planId, ct);
        return targets.Select(t => new TargetRow(t.Id, t.Metric, t.Scope, t.ScopeId,
                t.ScopeId is { } id ? names.GetValueOrDefault((t.Scope, id)) : null,
                t.Period, t.Year, t.From, t.To, t.Value, t.Note))
            .ToList();
    }

    public async Task<TargetRow?> FindAsync(int id, CancellationToken ct = default)
    {
        var planId = await db.Targets.Where(t => t.Id == id).Select(t => (int?)t.PlanId).FirstOrDefaultAsync(ct);
        return planId is null ? null : (await ListAsync(planId.Value, ct: ct)).FirstOrDefault(t => t.Id == id);
    }

    /// <summary>Name of every park, chain, node, incubator and team a target of the plan can point at.</summary>
    public async Task<Dictionary<(TargetScope, int), string>> ScopeNamesAsync(int planId, CancellationToken ct = default)
    {
        var names = new Dictionary<(TargetScope, int), string>();
        foreach (var p in await db.Parks.Where(p => p.PlanId == planId).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
        {
            names[(TargetScope.Park, p.Id)] = p.Name;
        }

        foreach (var c in await db.IndustryChains.Where(c => c.PlanId == planId).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            names[(TargetScope.Chain, c.Id)] = c.Name;
        }

        foreach (var n in await db.ChainNodes.Where(n => n.Chain!.PlanId == planId).Select(n => new { n.Id, n.Name, Chain = n.Chain!.Name }).ToListAsync(ct))
        {
            names[(TargetScope.ChainNode, n.Id)] = $"{n.Chain} · {n.Name}";
        }

        foreach (var i in await db.Incubators.Where(i => i.PlanId == planId).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
        {
            names[(TargetScope.Incubator, i.Id)] = i.Name;
        }

        foreach (var t in await db.Teams.Select(t => new { t.Id, t.Name }).ToListAsync(ct))
        {
            names[(TargetScope.Team, t.Id)] = t.Name;
        }

        return names;
    }
}
