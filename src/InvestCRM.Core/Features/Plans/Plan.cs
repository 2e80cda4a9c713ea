using InvestCRM.Data;
using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Plans;

/// <summary>A multi-year development plan (规划) whose targets the pipeline is measured against.</summary>
public class Plan : IAudited, IReferenceData
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? Summary { get; set; }

    /// <summary>Whether two units that land a project jointly may both count it (考核双算) or must split it (分算).</summary>
    public CreditRule CreditRule { get; set; } = CreditRule.Split;

    public List<Park> Parks { get; set; } = [];

    /// <summary>Plan year N (1-based) as a calendar year.</summary>
    public int CalendarYearOf(int planYear) => StartYear + planYear - 1;
}

public enum CreditRule
{
    Split,
    Double,
}
