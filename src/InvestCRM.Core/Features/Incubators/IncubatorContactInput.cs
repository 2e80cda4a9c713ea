using InvestCRM.Features.Common;

namespace InvestCRM.Features.Incubators;

/// <summary>A person at the incubator's operator, as the form sends it.</summary>
public sealed class IncubatorContactInput
{
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public IReadOnlyList<Problem> Check()
    {
        var checks = new InputChecks()
            .Text(nameof(Name), Name, 100, required: true)
            .Text(nameof(Title), Title, 100)
            .Text(nameof(Phone), Phone, 40)
            .Text(nameof(Email), Email, 200)
            .When(!string.IsNullOrWhiteSpace(Phone) && !ContactFormats.IsPhone(Phone.Trim()), nameof(Phone), "Validation.Phone")
            .When(!string.IsNullOrWhiteSpace(Email) && !ContactFormats.IsEmail(Email.Trim()), nameof(Email), "Validation.Email");
        return checks.Problems;
    }

    internal void ApplyTo(IncubatorContact contact)
    {
        contact.Name = Name.Trim();
        contact.Title = InputChecks.Clean(Title);
        contact.Phone = InputChecks.Clean(Phone);
        contact.Email = InputChecks.Clean(Email);
    }

    public static IncubatorContactInput From(IncubatorContactRow c) => new() { Name = c.Name, Title = c.Title, Phone = c.Phone, Email = c.Email };
}
