using InvestCRM.Data;
using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Plans;

/// <summary>A place where projects land: an innovation centre, an industrial base or a park inside one (园区 / 基地).</summary>
public class Park : IAudited, IReferenceData
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? ParentId { get; set; }
    public Park? Parent { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public ParkKind Kind { get; set; }
    public string? Location { get; set; }
    public decimal? AreaMu { get; set; }
    public string? Focus { get; set; }
    public int SortOrder { get; set; }
}

public enum ParkKind
{
    InnovationCentre,
    IndustrialBase,
    Park,
}
