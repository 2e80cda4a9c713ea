using InvestCRM.Features.Common;

namespace InvestCRM.Features.Activities;

/// <summary>What a user logs about one contact; the quick log fills only the first few fields.</summary>
public sealed record ActivityInput
{
    public int? EnterpriseId { get; init; }
    public int? ProjectId { get; init; }
    public ActivityType Type { get; init; } = ActivityType.Visit;
    public string Summary { get; init; } = "";
    public string? NextStep { get; init; }
    public DateOnly? FollowUpOn { get; init; }

    /// <summary>When the contact happened; empty means now.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
    public string? Place { get; init; }
    public string? Outcome { get; init; }
    public int? EventId { get; init; }
    public IReadOnlyList<string> ParticipantIds { get; init; } = [];
    public IReadOnlyList<int> ContactIds { get; init; } = [];

    public const int SummaryMax = 4000;
    public const int PlaceMax = 200;
    public const int OutcomeMax = 2000;
    public const int NextStepMax = 1000;

    /// <summary>
    /// Rules that need no database; <paramref name="occurredAt"/> is the resolved activity time, which may not be later
    /// than <paramref name="latest"/> (the end of today in China time: a log records contacts that happened, and a
    /// contact still to come is a follow-up date).
    /// </summary>
    public IEnumerable<Problem> Check(DateTimeOffset occurredAt, DateTimeOffset latest)
    {
        if (occurredAt > latest)
        {
            yield return new Problem("Rule.ActivityInFuture", nameof(OccurredAt));
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            yield return new Problem("Validation.Required", nameof(Summary));
        }

        foreach (var (field, value, max) in Texts())
        {
            if (value?.Trim().Length > max)
            {
                yield return new Problem("Validation.TooLong", field);
            }
        }

        if (ProjectId is null && EnterpriseId is null)
        {
            yield return new Problem("Rule.ActivityNeedsTarget", nameof(EnterpriseId));
        }

        if (!Enum.IsDefined(Type))
        {
            yield return new Problem("Validation.Required", nameof(Type));
        }

        // The follow-up is compared with the day the contact happened, in the offset it was logged in.
        if (FollowUpOn is { } followUp && followUp < DateOnly.FromDateTime(occurredAt.DateTime))
        {
            yield return new Problem("Rule.FollowUpBeforeActivity", nameof(FollowUpOn));
        }
    }

    private IEnumerable<(string, string?, int)> Texts() =>
    [
        (nameof(Summary), Summary, SummaryMax), (nameof(Place), Place, PlaceMax),
        (nameof(Outcome), Outcome, OutcomeMax), (nameof(NextStep), NextStep, NextStepMax),
    ];

    internal void ApplyTo(Activity activity, DateTimeOffset occurredAt)
    {
        activity.Type = Type;
        activity.OccurredAt = occurredAt;
        activity.Summary = Summary.Trim();
        activity.Place = Clean(Place);
        activity.Outcome = Clean(Outcome);
        activity.NextStep = Clean(NextStep);
        activity.FollowUpOn = FollowUpOn;
        activity.ProjectId = ProjectId;
        activity.EnterpriseId = EnterpriseId;
        activity.EventId = EventId;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
