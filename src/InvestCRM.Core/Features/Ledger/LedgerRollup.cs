using InvestCRM.Features.Reporting;

namespace InvestCRM.Features.Ledger;

/// <summary>
/// <see cref="LedgerSummary"/> summed over every unit but one kind (or all of them), and over every unit but a pair of
/// kinds among park, team, incubator and chain: what target completion, landings by month and the top lists read
/// unless a view filters by three kinds of unit or by chain node. See <see cref="UnitRollup"/>.
/// </summary>
public class LedgerRollup : LedgerMeasures
{
    public long Id { get; set; }
    public int StageId { get; set; }
    public int Month { get; set; }
    public CreditRole Role { get; set; }
    public int SplitScope { get; set; }
    public RollupUnit UnitKind { get; set; }
    public int UnitId { get; set; }

    /// <summary>On pair rows, the second kind of unit (a park's teams); <see cref="RollupUnit.All"/> and 0 on single rows.</summary>
    public RollupUnit UnitKind2 { get; set; }
    public int UnitId2 { get; set; }

    public static readonly UnitRollup Definition = new("LedgerSummaries", "LedgerRollups",
        [nameof(StageId), nameof(Month), nameof(Role), nameof(SplitScope)],
        [
            (RollupUnit.Park, nameof(LedgerSummary.ParkId)), (RollupUnit.Team, nameof(LedgerSummary.TeamId)),
            (RollupUnit.Incubator, nameof(LedgerSummary.IncubatorId)), (RollupUnit.Chain, nameof(LedgerSummary.ChainId)),
            (RollupUnit.ChainNode, nameof(LedgerSummary.ChainNodeId)),
        ],
        MeasureColumns, paired: 4);

    public static RollupSource Source(LedgerSummary s) =>
        new([s.StageId, s.Month, (long)s.Role, s.SplitScope], [s.ParkId, s.TeamId, s.IncubatorId, s.ChainId, s.ChainNodeId], s.Measures());
}
