using InvestCRM.Features.Common;

namespace InvestCRM.Features.Enterprises;

/// <summary>A contact person as the form sends it.</summary>
public sealed class ContactInput
{
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? WeChat { get; set; }
    public string? Notes { get; set; }

    public IEnumerable<Problem> Check()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new Problem("Validation.Required", nameof(Name));
        }

        if (!string.IsNullOrWhiteSpace(Phone) && !ContactFormats.IsPhone(Phone.Trim()))
        {
            yield return new Problem("Validation.Phone", nameof(Phone));
        }

        if (!string.IsNullOrWhiteSpace(Email) && !ContactFormats.IsEmail(Email.Trim()))
        {
            yield return new Problem("Validation.Email", nameof(Email));
        }

        foreach (var (field, value, max) in Lengths())
        {
            if (value?.Trim().Length > max)
            {
                yield return new Problem("Validation.TooLong", field);
            }
        }
    }

    private IEnumerable<(string, string?, int)> Lengths() =>
    [
        (nameof(Name), Name, 100), (nameof(Title), Title, 100), (nameof(Phone), Phone, 40),
        (nameof(Email), Email, 200), (nameof(WeChat), WeChat, 100), (nameof(Notes), Notes, 2000),
    ];

    public void ApplyTo(Contact contact)
    {
        contact.Name = Name.Trim();
        contact.Title = Clean(Title);
        contact.Phone = Clean(Phone);
        contact.Email = Clean(Email);
        contact.WeChat = Clean(WeChat);
        contact.Notes = Clean(Notes);
    }

    public static ContactInput From(Contact c) => new()
    {
        Name = c.Name, Title = c.Title, Phone = c.Phone, Email = c.Email, WeChat = c.WeChat, Notes = c.Notes,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
