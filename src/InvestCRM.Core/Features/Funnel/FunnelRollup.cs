using InvestCRM.Features.Reporting;

namespace InvestCRM.Features.Funnel;

/// <summary>
/// <see cref="FunnelSummary"/> summed over every unit but one kind (or all of them): what the funnel and the forecast
/// read when the filter names at most one kind of unit. See <see cref="UnitRollup"/>.
/// </summary>
public class FunnelRollup
{
    public long Id { get; set; }
    public FunnelKind Kind { get; set; }
    public int StageId { get; set; }
    public int Month { get; set; }
    public int Cohort { get; set; }
    public int Detail { get; set; }
    public RollupUnit UnitKind { get; set; }
    public int UnitId { get; set; }
    public long Projects { get; set; }
    public long PlannedInvestmentWan { get; set; }

    public static readonly UnitRollup Definition = new("FunnelSummaries", "FunnelRollups",
        [nameof(Kind), nameof(StageId), nameof(Month), nameof(Cohort), nameof(Detail)],
        [
            (RollupUnit.Park, nameof(FunnelSummary.ParkId)), (RollupUnit.Team, nameof(FunnelSummary.TeamId)),
            (RollupUnit.Incubator, nameof(FunnelSummary.IncubatorId)), (RollupUnit.Chain, nameof(FunnelSummary.ChainId)),
        ],
        FunnelSummary.MeasureColumns);

    public static RollupSource Source(FunnelSummary s) =>
        new([(long)s.Kind, s.StageId, s.Month, s.Cohort, s.Detail], [s.ParkId, s.TeamId, s.IncubatorId, s.ChainId], [s.Projects, s.PlannedInvestmentWan]);
}
