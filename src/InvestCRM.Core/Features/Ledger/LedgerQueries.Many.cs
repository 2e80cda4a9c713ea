using Microsoft.EntityFrameworkCore;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Ledger;

public sealed partial class LedgerQueries
{
    /// <summary>
    /// The totals of many scopes at once (every target on a dashboard): one read of the roll-ups per stage and
    /// kind of unit, then each scope is filtered (<see cref="Matches"/>) and combined here.
    /// One query per target read the stage's summary rows again for each of them (seconds at a million projects).
    /// </summary>
    public async Task<IReadOnlyList<LedgerTotals>> TotalsManyAsync(IReadOnlyList<LedgerScope> scopes, CancellationToken ct = default)
    {
        var grouped = new Dictionary<(int Stage, TargetScope Kind), List<LedgerSummary>>();
        foreach (var kind in scopes.GroupBy(s => (s.StageId, s.Scope)))
        {
            var months = kind.Select(s => WholeMonths(s.Range)).Where(m => m.First <= m.Last).ToList();
            grouped[kind.Key] = months.Count == 0 ? [] : await ByUnitAsync(kind.Key.StageId, kind.Key.Scope, months.Min(m => m.First), months.Max(m => m.Last), ct);
        }

        var result = new List<LedgerTotals>(scopes.Count);
        foreach (var scope in scopes)
        {
            var (first, last) = WholeMonths(scope.Range);
            var parts = grouped[(scope.StageId, scope.Scope)].Where(r => r.Month >= first && r.Month <= last).Where(r => Matches(scope, r))
                .Select(r => new Part(r.Role, r.SplitScope, r.Measures())).ToList();
            if (!scope.Range.IsWholeMonths)
            {
                parts.AddRange((await EdgeLinesAsync(scope, first, last, ct)).Where(r => Matches(scope, r)).Select(l => new Part(l.Role, l.SplitScope, l.Measures())));
            }

            result.Add(Combine(scope, parts));
        }

        return result;
    }

    /// <summary>
    /// The stage's totals in the months per month, unit of the scope's kind, credit role and split scope: all that
    /// <see cref="Filter"/> and <see cref="Combine"/> read, stored as such in the roll-ups (a whole-plan scope reads
    /// the plan's own rows).
    /// </summary>
    private async Task<List<LedgerSummary>> ByUnitAsync(int stageId, TargetScope kind, int firstMonth, int lastMonth, CancellationToken ct)
    {
        var unitKind = RollupKind(kind);
        var rows = await db.LedgerRollups.AsNoTracking()
            .Where(s => s.StageId == stageId && s.UnitKind == unitKind && s.UnitKind2 == RollupUnit.All && s.Month >= firstMonth && s.Month <= lastMonth)
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var line = new LedgerSummary { StageId = stageId, Month = r.Month, Role = r.Role, SplitScope = r.SplitScope };
            line.SetMeasures(r.Measures());
            SetUnit(line, kind, r.UnitId);
            return line;
        }).ToList();
    }

    private static RollupUnit RollupKind(TargetScope kind) => kind switch
    {
        TargetScope.Park => RollupUnit.Park,
        TargetScope.Team => RollupUnit.Team,
        TargetScope.Incubator => RollupUnit.Incubator,
        TargetScope.Chain => RollupUnit.Chain,
        TargetScope.ChainNode => RollupUnit.ChainNode,
        _ => RollupUnit.All,
    };

    private static void SetUnit(LedgerSummary line, TargetScope kind, int unit)
    {
        switch (kind)
        {
            case TargetScope.Park: line.ParkId = unit; break;
            case TargetScope.Team: line.TeamId = unit; break;
            case TargetScope.Incubator: line.IncubatorId = unit; break;
            case TargetScope.Chain: line.ChainId = unit; break;
            case TargetScope.ChainNode: line.ChainNodeId = unit; break;
        }
    }
}
