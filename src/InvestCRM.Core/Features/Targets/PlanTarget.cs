using InvestCRM.Data;
using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Targets;

/// <summary>One number a plan commits to: metric × scope × period → value.</summary>
public class PlanTarget : IAudited, IReferenceData
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public TargetMetric Metric { get; set; }
    public TargetScope Scope { get; set; }

    /// <summary>The park, chain, chain node, incubator or team the scope names; null for the whole plan.</summary>
    public int? ScopeId { get; set; }
    public TargetPeriod Period { get; set; }

    /// <summary>Plan year (1-based) for plan-year periods, calendar year for calendar periods.</summary>
    public int? Year { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The stage at which a project counts; null means the first stage flagged CountsAsIntroduced.</summary>
    public int? CountingStageId { get; set; }

    /// <summary>Count for enterprises and projects; 万元 for money; 亩 for land.</summary>
    public decimal Value { get; set; }
    public string? Note { get; set; }
}

public enum TargetMetric
{
    EnterprisesIntroduced,
    ProjectsIntroduced,
    InvestmentWan,
    OutputValueWan,
    TaxWan,
    LandMu,

    /// <summary>Incubated or research-transfer projects industrialised (孵化 / 成果转化产业化项目).</summary>
    IncubatedProjects,
}

public enum TargetScope
{
    Plan,
    Park,
    Chain,
    ChainNode,
    Incubator,
    Team,
}

public enum TargetPeriod
{
    PlanYear,
    CumulativeToPlanYear,
    CalendarYear,
    Custom,
}
