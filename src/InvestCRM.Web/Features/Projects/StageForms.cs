using InvestCRM.Features.Projects;

namespace InvestCRM.Web.Features.Projects;

/// <summary>The "move to stage" form: the target, a reason, and the facts later stages may ask for.</summary>
public sealed class MoveForm
{
    public int ToStageId { get; set; }
    public int Version { get; set; }
    public string? Reason { get; set; }
    public DateOnly? AgreementDate { get; set; }
    public decimal? SignedAmountWan { get; set; }
    public string? LocalEntityCreditCode { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public DateOnly? ConstructionStartedOn { get; set; }
    public DateOnly? ProductionStartedOn { get; set; }

    public StageMove ToMove() => new(ToStageId, Reason)
    {
        Facts = new StageFacts
        {
            AgreementDate = AgreementDate, SignedAmountWan = SignedAmountWan, LocalEntityCreditCode = LocalEntityCreditCode,
            RegisteredOn = RegisteredOn, ConstructionStartedOn = ConstructionStartedOn, ProductionStartedOn = ProductionStartedOn,
        },
    };
}

/// <summary>Hold, drop or reactivate, with the reason the first two need.</summary>
public sealed class StatusForm
{
    public ProjectStatus Status { get; set; }
    public int Version { get; set; }
    public string? Reason { get; set; }

    /// <summary>Required when dropping; the funnel counts drops by it.</summary>
    public DropReason? DropReason { get; set; }
}
