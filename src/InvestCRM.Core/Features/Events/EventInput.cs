using InvestCRM.Features.Common;

namespace InvestCRM.Features.Events;

/// <summary>The editable facts of an investment-promotion event.</summary>
public sealed record EventInput
{
    public string Name { get; init; } = "";
    public DateOnly? Date { get; init; }
    public string City { get; init; } = "";
    public string? Description { get; init; }

    public IEnumerable<Problem> Check()
    {
        foreach (var (field, value, max) in new[] { (nameof(Name), Name, 200), (nameof(City), City, 50) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new Problem("Validation.Required", field);
            }
            else if (value.Trim().Length > max)
            {
                yield return new Problem("Validation.TooLong", field);
            }
        }

        if (Date is null)
        {
            yield return new Problem("Validation.Required", nameof(Date));
        }
        else if (Date.Value.Year is < 2000 or > 2100)
        {
            yield return new Problem("Validation.Range", nameof(Date));
        }

        if (Description?.Trim().Length > 2000)
        {
            yield return new Problem("Validation.TooLong", nameof(Description));
        }
    }

    internal void ApplyTo(CrmEvent crmEvent)
    {
        crmEvent.Name = Name.Trim();
        crmEvent.Date = Date!.Value;
        crmEvent.City = City.Trim();
        crmEvent.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
    }

    public static EventInput From(EventDetail e) => new() { Name = e.Name, Date = e.Date, City = e.City, Description = e.Description };
}
