using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Events;

/// <summary>An investment-promotion event (招商活动), e.g. 创新中国行·中关村企业走进三明.</summary>
public class CrmEvent : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly Date { get; set; }
    public required string City { get; set; }
    public string? Description { get; set; }
}
