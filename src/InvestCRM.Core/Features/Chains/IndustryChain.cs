using InvestCRM.Data;
using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Chains;

/// <summary>An industry chain (产业链) a plan develops, mapped as nodes in up-, mid- and downstream segments.</summary>
public class IndustryChain : IAudited, IReferenceData
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int? ParkId { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public List<ChainNode> Nodes { get; set; } = [];
}

/// <summary>A link of a chain (环节). Nodes with no local firm are the gaps to fill (补链).</summary>
public class ChainNode : IAudited, IReferenceData
{
    public int Id { get; set; }
    public int ChainId { get; set; }
    public IndustryChain? Chain { get; set; }
    public ChainSegment Segment { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int SortOrder { get; set; }
}

public enum ChainSegment
{
    Upstream,
    Midstream,
    Downstream,
}
