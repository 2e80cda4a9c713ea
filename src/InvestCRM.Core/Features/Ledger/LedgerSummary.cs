namespace InvestCRM.Features.Ledger;

/// <summary>
/// Running totals of the ledger per stage, month and credited unit, kept in the same transaction as every
/// ledger change so that dashboards at a million projects read thousands of rows, not millions.
/// "No unit" is stored as 0 so that the grain can be a plain unique key on both databases.
/// </summary>
public class LedgerSummary : LedgerMeasures
{
    public long Id { get; set; }
    public int StageId { get; set; }

    /// <summary>yyyyMM of CountedAt in China Standard Time.</summary>
    public int Month { get; set; }
    public int ParkId { get; set; }
    public int TeamId { get; set; }
    public int IncubatorId { get; set; }
    public int ChainId { get; set; }
    public int ChainNodeId { get; set; }

    /// <summary>Primary lines carry the project's own units; secondary lines the second credited unit.</summary>
    public CreditRole Role { get; set; }

    /// <summary>
    /// On primary lines: the scope kind whose unit shares credit with a secondary unit (0 = none), because a
    /// split only reduces the primary unit of that same kind (a park sharing with another park).
    /// </summary>
    public int SplitScope { get; set; }

    public static readonly string[] GrainColumns =
        [nameof(StageId), nameof(Month), nameof(ParkId), nameof(TeamId), nameof(IncubatorId), nameof(ChainId), nameof(ChainNodeId), nameof(Role), nameof(SplitScope)];
}

/// <summary>
/// The measures of the ledger's summaries and roll-ups, as integers in ten-thousandths (see Scale): exact sums on both
/// databases, where SQLite would otherwise add decimals as floating point. 1 project = 10,000; 12.5 万元 = 125,000.
/// </summary>
public abstract class LedgerMeasures
{
    public const long Scale = 10_000;

    public long Projects { get; set; }
    public long Enterprises { get; set; }
    public long Incubated { get; set; }
    public long InvestmentWan { get; set; }
    public long OutputValueWan { get; set; }
    public long TaxWan { get; set; }
    public long LandMu { get; set; }

    /// <summary>The same measures weighted by the credit share, for plans that split credit.</summary>
    public long SharedProjects { get; set; }
    public long SharedEnterprises { get; set; }
    public long SharedIncubated { get; set; }
    public long SharedInvestmentWan { get; set; }
    public long SharedOutputValueWan { get; set; }
    public long SharedTaxWan { get; set; }
    public long SharedLandMu { get; set; }

    public static readonly string[] MeasureColumns =
    [
        nameof(Projects), nameof(Enterprises), nameof(Incubated), nameof(InvestmentWan), nameof(OutputValueWan), nameof(TaxWan), nameof(LandMu),
        nameof(SharedProjects), nameof(SharedEnterprises), nameof(SharedIncubated), nameof(SharedInvestmentWan),
        nameof(SharedOutputValueWan), nameof(SharedTaxWan), nameof(SharedLandMu),
    ];

    public long[] Measures() =>
    [
        Projects, Enterprises, Incubated, InvestmentWan, OutputValueWan, TaxWan, LandMu,
        SharedProjects, SharedEnterprises, SharedIncubated, SharedInvestmentWan, SharedOutputValueWan, SharedTaxWan, SharedLandMu,
    ];

    /// <summary>Sets every measure from <see cref="Measures"/>'s order.</summary>
    public void SetMeasures(IReadOnlyList<long> m)
    {
        (Projects, Enterprises, Incubated, InvestmentWan, OutputValueWan, TaxWan, LandMu) = (m[0], m[1], m[2], m[3], m[4], m[5], m[6]);
        (SharedProjects, SharedEnterprises, SharedIncubated, SharedInvestmentWan, SharedOutputValueWan, SharedTaxWan, SharedLandMu) =
            (m[7], m[8], m[9], m[10], m[11], m[12], m[13]);
    }
}

public enum CreditRole
{
    Primary,
    Secondary,
}
