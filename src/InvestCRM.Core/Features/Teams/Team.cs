using InvestCRM.Data;
using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Teams;

/// <summary>An investment-promotion team (招商小分队); staff edit the projects their team owns.</summary>
public class Team : IAudited, IReferenceData
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int? ParkId { get; set; }
}
