namespace InvestCRM.Features.Plans;

public sealed record PlanRow(int Id, string Name, string? NameEn, int StartYear, int EndYear, CreditRule CreditRule, int Parks, int Chains, int Incubators, int Targets);

public sealed record ParkRow(int Id, int PlanId, int? ParentId, string? ParentName, string? ParentNameEn, string Name, string? NameEn,
    ParkKind Kind, string? Location, decimal? AreaMu, string? Focus, int SortOrder);

public sealed record PlanDetail(int Id, string Name, string? NameEn, int StartYear, int EndYear, string? Issuer, DateOnly? IssuedOn,
    string? Summary, CreditRule CreditRule, IReadOnlyList<ParkRow> Parks);

/// <summary>What an admin enters for a plan.</summary>
public sealed class PlanInput
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public int StartYear { get; set; } = DateTime.Today.Year;
    public int EndYear { get; set; } = DateTime.Today.Year + 4;
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? Summary { get; set; }
    public CreditRule CreditRule { get; set; } = CreditRule.Split;

    public static PlanInput Of(PlanDetail plan) => new()
    {
        Name = plan.Name, NameEn = plan.NameEn, StartYear = plan.StartYear, EndYear = plan.EndYear, Issuer = plan.Issuer,
        IssuedOn = plan.IssuedOn, Summary = plan.Summary, CreditRule = plan.CreditRule,
    };
}

/// <summary>What an admin enters for a park or base; a blank order puts a new one last.</summary>
public sealed class ParkInput
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public ParkKind Kind { get; set; }
    public int? ParentId { get; set; }
    public string? Location { get; set; }
    public decimal? AreaMu { get; set; }
    public string? Focus { get; set; }
    public int? SortOrder { get; set; }

    public static ParkInput Of(ParkRow park) => new()
    {
        Name = park.Name, NameEn = park.NameEn, Kind = park.Kind, ParentId = park.ParentId, Location = park.Location,
        AreaMu = park.AreaMu, Focus = park.Focus, SortOrder = park.SortOrder,
    };
}
