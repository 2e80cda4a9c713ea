using InvestCRM.Data;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Incubators;

/// <summary>
/// The key figures of many incubators in a fixed number of grouped queries (never one per incubator), so the list and
/// the incubator page show the same numbers. Landed projects come from the ledger's summaries at the default counting
/// stage, weighted like an incubator target under the plan's credit rule.
/// </summary>
internal sealed class IncubatorFigures(CrmDbContext db)
{
    private static readonly DateRange AllTime = new(DateOnly.MinValue, DateOnly.MaxValue);

    public async Task<Dictionary<int, Figures>> ForAsync(int planId, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var referrals = await db.Referrals.AsNoTracking().Where(r => ids.Contains(r.IncubatorId))
            .GroupBy(r => r.IncubatorId)
            .Select(g => new { Id = g.Key, Referred = g.Count(), Accepted = g.Sum(r => r.Status == ReferralStatus.Accepted ? 1 : 0) })
            .ToDictionaryAsync(x => x.Id, ct);
        var signed = await db.Projects.AsNoTracking().Where(p => p.IncubatorId != null && ids.Contains(p.IncubatorId.Value) && p.AgreementDate != null)
            .GroupBy(p => p.IncubatorId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var landed = await LandedAsync(planId, ids, ct);
        return ids.ToDictionary(id => id, id => new Figures(
            referrals.GetValueOrDefault(id)?.Referred ?? 0, referrals.GetValueOrDefault(id)?.Accepted ?? 0, signed.GetValueOrDefault(id),
            landed.GetValueOrDefault(id).Projects, landed.GetValueOrDefault(id).InvestmentWan));
    }

    private async Task<Dictionary<int, (decimal Projects, decimal InvestmentWan)>> LandedAsync(int planId, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var stage = await db.Stages.Where(s => s.CountsAsIntroduced).OrderBy(s => s.Order).Select(s => s.Id).FirstOrDefaultAsync(ct);
        var rule = await db.Plans.Where(p => p.Id == planId).Select(p => p.CreditRule).FirstOrDefaultAsync(ct);
        var scope = new LedgerScope(stage, AllTime, TargetScope.Incubator, ids, rule);
        var parts = await db.LedgerSummaries.AsNoTracking().Where(s => s.StageId == stage && ids.Contains(s.IncubatorId))
            .GroupBy(s => new { s.IncubatorId, s.Role, s.SplitScope })
            .Select(g => new
            {
                g.Key.IncubatorId, g.Key.Role, g.Key.SplitScope,
                Projects = g.Sum(s => s.Projects), Investment = g.Sum(s => s.InvestmentWan),
                SharedProjects = g.Sum(s => s.SharedProjects), SharedInvestment = g.Sum(s => s.SharedInvestmentWan),
            })
            .ToListAsync(ct);
        return parts.GroupBy(p => p.IncubatorId).ToDictionary(g => g.Key, g => (
            g.Sum(p => scope.UsesShare(p.Role, p.SplitScope) ? p.SharedProjects : p.Projects) / (decimal)LedgerSummary.Scale,
            g.Sum(p => scope.UsesShare(p.Role, p.SplitScope) ? p.SharedInvestment : p.Investment) / (decimal)LedgerSummary.Scale));
    }
}
