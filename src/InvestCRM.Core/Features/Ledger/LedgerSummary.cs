namespace InvestCRM.Features.Ledger;

/// <summary>
/// Running totals of the ledger per stage, month and credited unit, kept in the same transaction as every
/// ledger change so that dashboards at a million projects read thousands of rows, not millions.
/// "No unit" is stored as 0 so that the grain can be a plain unique key on both databases.
/// </summary>
public class LedgerSummary
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

    public int Projects { get; set; }
    public int Enterprises { get; set; }
    public int Incubated { get; set; }
    public decimal InvestmentWan { get; set; }
    public decimal OutputValueWan { get; set; }
    public decimal TaxWan { get; set; }
    public decimal LandMu { get; set; }

    /// <summary>The same measures weighted by the credit share, for plans that split credit.</summary>
    public decimal SharedProjects { get; set; }
    public decimal SharedEnterprises { get; set; }
    public decimal SharedIncubated { get; set; }
    public decimal SharedInvestmentWan { get; set; }
    public decimal SharedOutputValueWan { get; set; }
    public decimal SharedTaxWan { get; set; }
    public decimal SharedLandMu { get; set; }
}

public enum CreditRole
{
    Primary,
    Secondary,
}
