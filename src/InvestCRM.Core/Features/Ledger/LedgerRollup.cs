using InvestCRM.Features.Reporting;

namespace InvestCRM.Features.Ledger;

/// <summary>
/// <see cref="LedgerSummary"/> summed over every unit but one kind (or all of them): what target completion, landings
/// by month and the top lists read when a view has at most one kind of unit filter. See <see cref="UnitRollup"/>.
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

    public static readonly UnitRollup Definition = new("LedgerSummaries", "LedgerRollups",
        [nameof(StageId), nameof(Month), nameof(Role), nameof(SplitScope)],
        [
            (RollupUnit.Park, nameof(LedgerSummary.ParkId)), (RollupUnit.Team, nameof(LedgerSummary.TeamId)),
            (RollupUnit.Incubator, nameof(LedgerSummary.IncubatorId)), (RollupUnit.Chain, nameof(LedgerSummary.ChainId)),
            (RollupUnit.ChainNode, nameof(LedgerSummary.ChainNodeId)),
        ],
        MeasureColumns);

    public static RollupSource Source(LedgerSummary s) =>
        new([s.StageId, s.Month, (long)s.Role, s.SplitScope], [s.ParkId, s.TeamId, s.IncubatorId, s.ChainId, s.ChainNodeId], s.Measures());
}
