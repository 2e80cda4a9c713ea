namespace InvestCRM.Features.Activities;

/// <summary>One line of an activity list.</summary>
public sealed record ActivityRow(
    long Id, ActivityType Type, DateTimeOffset OccurredAt, string Summary, string? NextStep, DateOnly? FollowUpOn, bool FollowUpDone,
    int? ProjectId, string? ProjectTitle, int? EnterpriseId, string? EnterpriseName, string? CreatedByName);

/// <summary>Filters of the /activities page, all optional; <see cref="Page"/> starts at 1.</summary>
public sealed record ActivityFilter(ActivityType? Type = null, DateOnly? From = null, DateOnly? To = null, bool Mine = false, int Page = 1)
{
    public const int PageSize = 25;
}

/// <summary>A page of activities; the next page exists when <see cref="HasMore"/> (no count over a large table).</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityRow> Rows, int Page, bool HasMore);

public sealed record NamedId(string Id, string Name);

public sealed record ActivityDetail(
    long Id, ActivityType Type, DateTimeOffset OccurredAt, string? Place, string Summary, string? Outcome, string? NextStep,
    DateOnly? FollowUpOn, bool FollowUpDone, int? ProjectId, string? ProjectTitle, int? EnterpriseId, string? EnterpriseName,
    int? EventId, string? EventName, string CreatedById, string? CreatedByName, DateTimeOffset CreatedAt,
    IReadOnlyList<NamedId> Participants, IReadOnlyList<NamedId> ContactsMet)
{
    /// <summary>Set by the service for the current user.</summary>
    public bool CanEdit { get; init; }

    public ActivityInput ToInput() => new()
    {
        EnterpriseId = EnterpriseId, ProjectId = ProjectId, Type = Type, Summary = Summary, NextStep = NextStep, FollowUpOn = FollowUpOn,
        OccurredAt = OccurredAt, Place = Place, Outcome = Outcome, EventId = EventId,
        ParticipantIds = Participants.Select(p => p.Id).ToList(), ContactIds = ContactsMet.Select(c => int.Parse(c.Id)).ToList(),
    };
}

/// <summary>A match for the quick-log enterprise picker.</summary>
public sealed record EnterpriseOption(int Id, string Name, string? CreditCode, string? HqCity);

/// <summary>What the full form offers to choose from.</summary>
public sealed record ActivityFormOptions(IReadOnlyList<NamedId> Staff, IReadOnlyList<NamedId> Contacts, IReadOnlyList<EventChoice> Events,
    EnterpriseOption? Enterprise, ProjectChoice? Project);

public sealed record EventChoice(int Id, string Name, DateOnly Date);

public sealed record ProjectChoice(int Id, string Title, int EnterpriseId);
