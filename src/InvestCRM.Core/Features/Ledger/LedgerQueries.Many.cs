using Microsoft.EntityFrameworkCore;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Ledger;

public sealed partial class LedgerQueries
{
    /// <summary>
    /// The totals of many scopes at once (every target on a dashboard): one grouped read of the summaries per stage and
    /// kind of unit, then each scope is filtered and combined here with the same filter <see cref="TotalsAsync"/> uses.
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
            var filter = Filter(scope).Compile();
            var parts = grouped[(scope.StageId, scope.Scope)].Where(r => r.Month >= first && r.Month <= last).Where(filter)
                .Select(r => new Part(r.Role, r.SplitScope, r.Measures())).ToList();
            if (!scope.Range.IsWholeMonths)
            {
                parts.AddRange((await EdgeLinesAsync(scope, first, last, ct)).Where(filter).Select(l => new Part(l.Role, l.SplitScope, l.Measures())));
            }

            result.Add(Combine(scope, parts));
        }

        return result;
    }

    /// <summary>
    /// The stage's summary rows in the months, summed per month, the one unit column a scope of this kind filters on,
    /// credit role and split scope: all that <see cref="Filter"/> and <see cref="Combine"/> read. A whole-plan scope
    /// reads no unit column; the stage id stands in for one (it is constant here).
    /// </summary>
    private async Task<List<LedgerSummary>> ByUnitAsync(int stageId, TargetScope kind, int firstMonth, int lastMonth, CancellationToken ct)
    {
        var column = UnitColumn(kind);
        var rows = await db.LedgerSummaries.AsNoTracking()
            .Where(s => s.StageId == stageId && s.Month >= firstMonth && s.Month <= lastMonth)
            .GroupBy(s => new { s.Month, Unit = EF.Property<int>(s, column), s.Role, s.SplitScope })
            .Select(g => new
            {
                g.Key.Month, g.Key.Unit, g.Key.Role, g.Key.SplitScope,
                Projects = g.Sum(s => s.Projects), Enterprises = g.Sum(s => s.Enterprises), Incubated = g.Sum(s => s.Incubated),
                Investment = g.Sum(s => s.InvestmentWan), Output = g.Sum(s => s.OutputValueWan), Tax = g.Sum(s => s.TaxWan), Land = g.Sum(s => s.LandMu),
                SharedProjects = g.Sum(s => s.SharedProjects), SharedEnterprises = g.Sum(s => s.SharedEnterprises), SharedIncubated = g.Sum(s => s.SharedIncubated),
                SharedInvestment = g.Sum(s => s.SharedInvestmentWan), SharedOutput = g.Sum(s => s.SharedOutputValueWan),
                SharedTax = g.Sum(s => s.SharedTaxWan), SharedLand = g.Sum(s => s.SharedLandMu),
            })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var line = new LedgerSummary
            {
                StageId = stageId, Month = r.Month, Role = r.Role, SplitScope = r.SplitScope,
                Projects = r.Projects, Enterprises = r.Enterprises, Incubated = r.Incubated, InvestmentWan = r.Investment,
                OutputValueWan = r.Output, TaxWan = r.Tax, LandMu = r.Land, SharedProjects = r.SharedProjects,
                SharedEnterprises = r.SharedEnterprises, SharedIncubated = r.SharedIncubated, SharedInvestmentWan = r.SharedInvestment,
                SharedOutputValueWan = r.SharedOutput, SharedTaxWan = r.SharedTax, SharedLandMu = r.SharedLand,
            };
            SetUnit(line, kind, r.Unit);
            return line;
        }).ToList();
    }

    private static string UnitColumn(TargetScope kind) => kind switch
    {
        TargetScope.Park => nameof(LedgerSummary.ParkId),
        TargetScope.Team => nameof(LedgerSummary.TeamId),
        TargetScope.Incubator => nameof(LedgerSummary.IncubatorId),
        TargetScope.Chain => nameof(LedgerSummary.ChainId),
        TargetScope.ChainNode => nameof(LedgerSummary.ChainNodeId),
        _ => nameof(LedgerSummary.StageId),
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
