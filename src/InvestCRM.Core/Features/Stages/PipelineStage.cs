using InvestCRM.Data;
using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Stages;

/// <summary>A configurable pipeline stage (线索, 接洽 … 投产).</summary>
public class PipelineStage : IAudited, IReferenceData
{
    public int Id { get; set; }

    /// <summary>Stable identifier used by rules and imports, e.g. "signed".</summary>
    public required string Code { get; set; }
    public int Order { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }

    /// <summary>Reaching this stage counts a project as introduced (引进), unless a target says otherwise.</summary>
    public bool CountsAsIntroduced { get; set; }

    /// <summary>No stage follows this one.</summary>
    public bool IsTerminal { get; set; }

    /// <summary>Facts a project must have before it may move into (or past) this stage.</summary>
    public ProjectFacts RequiredFacts { get; set; }

    public string Name(bool english) => english ? NameEn : NameZh;
}

[Flags]
public enum ProjectFacts
{
    None = 0,
    AgreementDate = 1,
    SignedAmount = 2,
    LocalEntityCreditCode = 4,
    RegistrationDate = 8,
    ConstructionStart = 16,
    ProductionStart = 32,
}
