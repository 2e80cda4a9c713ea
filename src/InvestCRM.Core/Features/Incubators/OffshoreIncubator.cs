using InvestCRM.Data;
using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Incubators;

/// <summary>An offshore incubator (离岸孵化器) in another city that refers projects to the park.</summary>
public class OffshoreIncubator : IAudited, IReferenceData
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public RegionCluster Region { get; set; }
    public string? Operator { get; set; }
    public IncubatorStatus Status { get; set; } = IncubatorStatus.Planned;
    public string? Address { get; set; }
    public DateOnly? AgreementStart { get; set; }
    public DateOnly? AgreementEnd { get; set; }
    public List<IncubatorContact> Contacts { get; set; } = [];
}

/// <summary>A person at the incubator's operator.</summary>
public class IncubatorContact : IAudited
{
    public int Id { get; set; }
    public int IncubatorId { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>One step of an incubator's life (planned → signed → operating → suspended/closed).</summary>
public class IncubatorStatusChange
{
    public long Id { get; set; }
    public int IncubatorId { get; set; }
    public IncubatorStatus FromStatus { get; set; }
    public IncubatorStatus ToStatus { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserName { get; set; }
    public string? Note { get; set; }
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
    Signed,
    Operating,
    Suspended,
    Closed,
}
