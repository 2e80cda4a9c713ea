using InvestCRM.Features.Auditing;
using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Projects;

/// <summary>One investment opportunity (招商项目 / 线索) with one enterprise. Money in 万元, land in 亩.</summary>
public class Project : IAudited, IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public required string Title { get; set; }
    public ProjectSource Source { get; set; }

    /// <summary>The referring offshore incubator; partners of that incubator see the project.</summary>
    public int? IncubatorId { get; set; }
    public int? EventId { get; set; }
    public required string OwnerId { get; set; }
    public int? TeamId { get; set; }
    public int? ParkId { get; set; }
    public int? ChainId { get; set; }
    public int? ChainNodeId { get; set; }

    public decimal? PlannedInvestmentWan { get; set; }
    public decimal? ExpectedOutputWan { get; set; }
    public decimal? ExpectedTaxWan { get; set; }
    public decimal? LandMu { get; set; }
    public int? Jobs { get; set; }

    /// <summary>An expansion (增资) of a firm already in the park; only the increment counts.</summary>
    public bool IsExpansion { get; set; }
    public decimal? ExpansionIncrementWan { get; set; }

    public int StageId { get; set; }
    public PipelineStage? Stage { get; set; }
    public DateTimeOffset StageEnteredAt { get; set; }
    public ProjectStatus Status { get; set; } = ProjectStatus.Active;
    public string? StatusReason { get; set; }

    /// <summary>The category of the reason while the project is dropped (the funnel counts drops by it); staff-only.</summary>
    public DropReason? DropReason { get; set; }
    public DateOnly? NextActionOn { get; set; }

    // Facts that stages may require (see PipelineStage.RequiredFacts).
    public DateOnly? AgreementDate { get; set; }
    public decimal? SignedAmountWan { get; set; }
    public string? LocalEntityCreditCode { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public DateOnly? ConstructionStartedOn { get; set; }
    public DateOnly? ProductionStartedOn { get; set; }

    /// <summary>A second unit credited for this project (park, team or incubator), e.g. two parks landing it jointly.</summary>
    public TargetScope? SecondaryCreditScope { get; set; }
    public int? SecondaryCreditId { get; set; }

    /// <summary>The second unit's share when the plan splits credit (分算), 0–100.</summary>
    public decimal? SecondaryCreditPercent { get; set; }

    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastActivityAt { get; set; }
    public int Version { get; set; }
}

public enum ProjectSource
{
    OffshoreIncubator,
    Event,
    BusinessReferral,
    SelfSourced,
    Agency,
}

public enum ProjectStatus
{
    Active,
    OnHold,
    Dropped,
}
