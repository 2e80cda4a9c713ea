using InvestCRM.Features.Ledger;
using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Pipeline;

/// <summary>
/// How many projects stand in each stage and status today, per park, team, incubator and chain, with their planned
/// investment. Kept by <see cref="PipelineDelta"/> inside every SaveChanges, so that the dashboard reads a few
/// hundred rows instead of grouping a million projects. "No unit" is stored as 0, as in <see cref="LedgerSummary"/>.
/// </summary>
public class PipelineSummary
{
    public long Id { get; set; }
    public int StageId { get; set; }
    public ProjectStatus Status { get; set; }
    public int ParkId { get; set; }
    public int TeamId { get; set; }
    public int IncubatorId { get; set; }
    public int ChainId { get; set; }

    /// <summary>Projects in ten-thousandths, like the ledger's summaries (1 project = 10,000).</summary>
    public long Projects { get; set; }

    /// <summary>Planned investment in ten-thousandths of 万元: exact sums on both databases.</summary>
    public long InvestmentWan { get; set; }

    public const long Scale = LedgerSummary.Scale;

    public static readonly string[] GrainColumns =
        [nameof(StageId), nameof(Status), nameof(ParkId), nameof(TeamId), nameof(IncubatorId), nameof(ChainId)];

    public (int, ProjectStatus, int, int, int, int) Grain => (StageId, Status, ParkId, TeamId, IncubatorId, ChainId);

    /// <summary>The line one project contributes, multiplied by <paramref name="sign"/> (+1 to add, −1 to take back).</summary>
    public static PipelineSummary Of(int stageId, ProjectStatus status, int? park, int? team, int? incubator, int? chain, decimal? investment, int sign) => new()
    {
        StageId = stageId, Status = status, ParkId = park ?? 0, TeamId = team ?? 0, IncubatorId = incubator ?? 0, ChainId = chain ?? 0,
        Projects = sign * Scale, InvestmentWan = sign * LedgerLine.Scaled(investment ?? 0),
    };
}
