using InvestCRM.Features.Plans;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Ledger;

/// <summary>
/// What a figure counts: at which stage, in which days, for which unit, under which credit rule.
/// A park includes the parks inside it (a base's target counts what lands in its parks).
/// </summary>
public sealed record LedgerScope(int StageId, DateRange Range, TargetScope Scope, IReadOnlyList<int> UnitIds, CreditRule Rule)
{
    /// <summary>Whether a summary line counts its weighted ("shared") measures rather than the full ones.</summary>
    public bool UsesShare(CreditRole role, int splitScope) =>
        Rule == CreditRule.Split && (role == CreditRole.Secondary || splitScope == (int)Scope + 1);
}

/// <summary>The totals behind a figure, in real units (counts, 万元, 亩).</summary>
public sealed record LedgerTotals(decimal Projects, decimal Enterprises, decimal Incubated, decimal InvestmentWan, decimal OutputValueWan, decimal TaxWan, decimal LandMu)
{
    public static readonly LedgerTotals Zero = new(0, 0, 0, 0, 0, 0, 0);

    public decimal Of(TargetMetric metric) => metric switch
    {
        TargetMetric.EnterprisesIntroduced => Enterprises,
        TargetMetric.ProjectsIntroduced => Projects,
        TargetMetric.InvestmentWan => InvestmentWan,
        TargetMetric.OutputValueWan => OutputValueWan,
        TargetMetric.TaxWan => TaxWan,
        TargetMetric.LandMu => LandMu,
        TargetMetric.IncubatedProjects => Incubated,
        _ => 0,
    };

    public static LedgerTotals FromScaled(long[] m) =>
        new(m[0] / (decimal)LedgerSummary.Scale, m[1] / (decimal)LedgerSummary.Scale, m[2] / (decimal)LedgerSummary.Scale,
            m[3] / (decimal)LedgerSummary.Scale, m[4] / (decimal)LedgerSummary.Scale, m[5] / (decimal)LedgerSummary.Scale, m[6] / (decimal)LedgerSummary.Scale);
}
