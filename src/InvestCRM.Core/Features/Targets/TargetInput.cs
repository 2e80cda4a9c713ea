namespace InvestCRM.Features.Targets;

/// <summary>
/// What a manager enters for a target. Year is a plan year (1-based) for plan-year periods and a
/// calendar year for calendar periods; From and To are used by custom periods only.
/// </summary>
public sealed class TargetInput
{
    public TargetMetric Metric { get; set; }
    public TargetScope Scope { get; set; }
    public int? ScopeId { get; set; }
    public TargetPeriod Period { get; set; } = TargetPeriod.CumulativeToPlanYear;
    public int? Year { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }

    public static TargetInput Of(TargetRow row) => new()
    {
        Metric = row.Metric, Scope = row.Scope, ScopeId = row.ScopeId, Period = row.Period, Year = row.Year,
        From = row.From, To = row.To, Value = row.Value, Note = row.Note,
    };
}

public sealed record TargetDetail(int PlanId, string PlanName, string? PlanNameEn, int StartYear, int EndYear, TargetRow Target);

/// <summary>Something a target can be scoped to, for the select list.</summary>
public sealed record ScopeChoice(TargetScope Scope, int Id, UnitName Unit);
