using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Incubators;

/// <summary>An offshore incubator (离岸孵化器) in another city that refers projects to the park.</summary>
public class OffshoreIncubator : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public RegionCluster Region { get; set; }
    public string? Operator { get; set; }
    public IncubatorStatus Status { get; set; } = IncubatorStatus.Planned;
}

public enum RegionCluster
{
    BeijingTianjinHebei,
    YangtzeRiverDelta,
    GreaterBayArea,
    ChengduChongqing,
    FujianCoast,
}

public enum IncubatorStatus
{
    Planned,
    Operating,
    Suspended,
}
