using System.Globalization;
using InvestCRM.Features.Targets;

namespace InvestCRM.Web.Features.Targets;

/// <summary>
/// The target form as posted: scope kind and scope are one select ("Park:3", or "Plan"), because a
/// page without script cannot narrow a second list to the kind chosen in the first.
/// Field names match <see cref="TargetInput"/> so the service's problems land on the right fields.
/// </summary>
public sealed class TargetForm
{
    public TargetMetric Metric { get; set; }
    public string Scope { get; set; } = nameof(TargetScope.Plan);
    public TargetPeriod Period { get; set; } = TargetPeriod.CumulativeToPlanYear;
    public int? Year { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }

    public static string Key(TargetScope scope, int? id) =>
        id is { } value ? $"{scope}:{value.ToString(CultureInfo.InvariantCulture)}" : scope.ToString();

    public static TargetForm Of(TargetInput input) => new()
    {
        Metric = input.Metric, Scope = Key(input.Scope, input.ScopeId), Period = input.Period, Year = input.Year,
        From = input.From, To = input.To, Value = input.Value, Note = input.Note,
    };

    /// <summary>The kind and id of a key written by <see cref="Key"/>; null parts where the text does not read as one.</summary>
    public static (TargetScope? Scope, int? Id) Parse(string? key)
    {
        var parts = (key ?? "").Split(':', 2);
        TargetScope? scope = Enum.TryParse<TargetScope>(parts[0], out var kind) && Enum.IsDefined(kind) ? kind : null;
        int? id = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        return (scope, id);
    }

    public TargetInput ToInput()
    {
        var (kind, id) = Parse(Scope);
        // An unreadable scope becomes an undefined kind, which the service refuses on the Scope field.
        var scope = kind ?? (TargetScope)(-1);
        return new TargetInput
        {
            Metric = Metric, Scope = scope, ScopeId = id, Period = Period, Year = Year, From = From, To = To, Value = Value, Note = Note,
        };
    }
}
