using System.ComponentModel.DataAnnotations;
using InvestCRM.Features.Activities;
using InvestCRM.Features.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace InvestCRM.Web.Features.Activities;

/// <summary>The posted activity form. Multi-value picks (participants, contacts) are read from the raw form.</summary>
public sealed class LogForm
{
    public int? EnterpriseId { get; set; }
    public int? ProjectId { get; set; }
    public ActivityType Type { get; set; } = ActivityType.Visit;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(ActivityInput.SummaryMax, ErrorMessage = "Validation.TooLong")]
    public string Summary { get; set; } = "";

    [StringLength(ActivityInput.NextStepMax, ErrorMessage = "Validation.TooLong")]
    public string? NextStep { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public DateTime? OccurredAt { get; set; }

    [StringLength(ActivityInput.PlaceMax, ErrorMessage = "Validation.TooLong")]
    public string? Place { get; set; }

    [StringLength(ActivityInput.OutcomeMax, ErrorMessage = "Validation.TooLong")]
    public string? Outcome { get; set; }
    public int? EventId { get; set; }

    public List<string> ParticipantIds { get; set; } = [];
    public List<int> ContactIds { get; set; } = [];

    /// <summary>Checkboxes share one name; the component binder maps only indexed lists, so they are read here.</summary>
    public LogForm WithPicks(IFormCollection form)
    {
        ParticipantIds = form["participant"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        ContactIds = form["contact"].Select(v => int.TryParse(v, out var id) ? id : 0).Where(id => id > 0).ToList();
        return this;
    }

    /// <summary>The form's time is wall-clock time in the park's zone.</summary>
    public ActivityInput ToInput(TimeZoneInfo zone) => new()
    {
        EnterpriseId = EnterpriseId, ProjectId = ProjectId, Type = Type, Summary = Summary, NextStep = NextStep, FollowUpOn = FollowUpOn,
        OccurredAt = OccurredAt is { } at ? new DateTimeOffset(at, zone.GetUtcOffset(at)) : null,
        Place = Place, Outcome = Outcome, EventId = EventId, ParticipantIds = ParticipantIds, ContactIds = ContactIds,
    };

    public static LogForm From(ActivityDetail detail, TimeZoneInfo zone) => new()
    {
        EnterpriseId = detail.EnterpriseId, ProjectId = detail.ProjectId, Type = detail.Type, Summary = detail.Summary, NextStep = detail.NextStep,
        FollowUpOn = detail.FollowUpOn, OccurredAt = TimeZoneInfo.ConvertTime(detail.OccurredAt, zone).DateTime, Place = detail.Place,
        Outcome = detail.Outcome, EventId = detail.EventId, ParticipantIds = detail.Participants.Select(p => p.Id).ToList(),
        ContactIds = detail.ContactsMet.Select(c => int.Parse(c.Id)).ToList(),
    };
}

/// <summary>Shows a refused command's problems on the form: by field when it has one, else in the summary.</summary>
public static class FormProblems
{
    public static List<string> Show(EditContext context, ValidationMessageStore store, object model, Outcome outcome)
    {
        var general = new List<string>();
        foreach (var problem in outcome.Problems)
        {
            if (problem.Field is { } field && model.GetType().GetProperty(field) is not null)
            {
                store.Add(new FieldIdentifier(model, field), problem.Code);
            }
            else
            {
                general.Add(problem.Code);
            }
        }

        context.NotifyValidationStateChanged();
        return general;
    }
}
