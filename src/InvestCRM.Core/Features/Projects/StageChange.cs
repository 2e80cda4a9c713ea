using InvestCRM.Features.Stages;

namespace InvestCRM.Features.Projects;

/// <summary>
/// One recorded move of a project: between stages, or between statuses (on hold, dropped, reactivated).
/// Append-only; time in stage is the gap between consecutive changes.
/// </summary>
public class StageChange
{
    public long Id { get; set; }
    public int ProjectId { get; set; }
    public int? FromStageId { get; set; }
    public int ToStageId { get; set; }
    public ProjectStatus FromStatus { get; set; }
    public ProjectStatus ToStatus { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Note { get; set; }

    /// <summary>Set on the change that drops a project.</summary>
    public DropReason? DropReason { get; set; }
    public PipelineStage? ToStage { get; set; }
}

/// <summary>The first time a project reached a stage; kept forever, it is what targets count.</summary>
public class StageReached
{
    public int ProjectId { get; set; }
    public int StageId { get; set; }
    public DateTimeOffset FirstReachedAt { get; set; }
}
