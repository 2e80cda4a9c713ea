using InvestCRM.Features.Activities;
using InvestCRM.Features.Events;
using InvestCRM.Features.Projects;
using static InvestCRM.Features.Demo.SyntheticData;

namespace InvestCRM.Features.Demo;

/// <summary>
/// The contact log of one project, spread over its life; the latest entry of an open project often has a
/// follow-up, some already overdue, so "my follow-ups" pages have something to show.
/// </summary>
internal sealed class SyntheticActivities(SyntheticCatalog catalog, Random random, DateTimeOffset now, long firstId, IReadOnlyList<CrmEvent> events)
{
    private long _nextId = firstId;

    public List<Activity> For(Project project, EnterpriseSeed enterprise, int count, DateTimeOffset end)
    {
        var span = Math.Max(1, (end - project.CreatedAt).TotalMinutes);
        var times = Enumerable.Range(0, count).Select(_ => project.CreatedAt.AddMinutes(Math.Floor(random.NextDouble() * span))).Order().ToList();
        var activities = new List<Activity>(count);
        for (var i = 0; i < count; i++)
        {
            var activity = NewActivity(project, enterprise, times[i]);
            var last = i == count - 1 && project.Status != ProjectStatus.Dropped;
            SetFollowUp(activity, last);
            activities.Add(activity);
        }

        return activities;
    }

    private Activity NewActivity(Project project, EnterpriseSeed enterprise, DateTimeOffset at)
    {
        var type = (ActivityType)Weighted(random, NameParts.ActivityTypeWeights);
        var creator = random.NextDouble() < 0.7 ? project.OwnerId : Pick(random, catalog.Users).Id;
        var activity = new Activity
        {
            Id = _nextId++, Type = type, OccurredAt = at, ProjectId = project.Id, EnterpriseId = enterprise.Id, CreatedById = creator,
            CreatedAt = Min(at.AddMinutes(random.Next(10, 2880)), now),
            Place = type is ActivityType.Call ? null : type is ActivityType.Visit or ActivityType.OutboundTrip ? enterprise.City + Pick(random, NameParts.Places) : "三明" + Pick(random, NameParts.Places),
            Summary = Pick(random, NameParts.Summaries[type]), Outcome = Pick(random, NameParts.Outcomes), NextStep = Pick(random, NameParts.NextSteps),
            EventId = type == ActivityType.Event ? project.EventId ?? EventBefore(at) : null,
        };
        activity.Participants.Add(new ActivityParticipant { ActivityId = activity.Id, UserId = creator });
        var other = Pick(random, catalog.Users).Id;
        if (other != creator && random.NextDouble() < 0.3)
        {
            activity.Participants.Add(new ActivityParticipant { ActivityId = activity.Id, UserId = other });
        }

        if (type != ActivityType.Call || random.NextDouble() < 0.5)
        {
            activity.ContactsMet.Add(new ActivityContact { ActivityId = activity.Id, ContactId = enterprise.FirstContactId + random.Next(enterprise.ContactCount) });
        }

        return activity;
    }

    /// <summary>The latest contact of an open project usually sets a follow-up; older ones rarely, and those were done.</summary>
    private void SetFollowUp(Activity activity, bool latest)
    {
        if (random.NextDouble() >= (latest ? 0.7 : 0.25))
        {
            return;
        }

        var due = DateOnly.FromDateTime(activity.OccurredAt.UtcDateTime).AddDays(random.Next(3, 31));
        activity.FollowUpOn = due;
        activity.FollowUpDone = !latest && due <= DateOnly.FromDateTime(now.UtcDateTime);
        // The bulk loader writes rows as they are, past SaveChanges, which would otherwise copy these.
        foreach (var participant in activity.Participants)
        {
            (participant.FollowUpOn, participant.FollowUpDone) = (activity.FollowUpOn, activity.FollowUpDone);
        }
    }

    private int? EventBefore(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return events.LastOrDefault(e => e.Date <= day)?.Id;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
