using System.ComponentModel.DataAnnotations;
using InvestCRM.Features.Events;

namespace InvestCRM.Web.Features.Events;

/// <summary>The posted event form; the service checks the same rules again.</summary>
public sealed class EventForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    public string City { get; set; } = "";

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    public string? Description { get; set; }

    public EventInput ToInput() => new() { Name = Name, Date = Date, City = City, Description = Description };

    public static EventForm From(EventDetail e) => new() { Name = e.Name, Date = e.Date, City = e.City, Description = e.Description };
}
