using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Activities;

/// <summary>A logged contact (走访记录): a visit, call, meeting, hosted site visit, event or trip.</summary>
public class Activity : IAudited
{
    public long Id { get; set; }
    public ActivityType Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? Place { get; set; }
    public required string Summary { get; set; }
    public string? Outcome { get; set; }
    public string? NextStep { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public bool FollowUpDone { get; set; }
    public int? ProjectId { get; set; }
    public int? EnterpriseId { get; set; }
    public int? EventId { get; set; }
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<ActivityParticipant> Participants { get; set; } = [];
    public List<ActivityContact> ContactsMet { get; set; } = [];
}

public enum ActivityType
{
    Visit,
    Call,
    Meeting,
    HostedSiteVisit,
    Event,
    OutboundTrip,
}

/// <summary>A staff member who took part (the author always does).</summary>
public class ActivityParticipant
{
    public long ActivityId { get; set; }
    public required string UserId { get; set; }

    /// <summary>
    /// The activity's follow-up, copied here by <see cref="ParticipantFollowUps"/> in every SaveChanges, so that
    /// "my open follow-ups, earliest first" is one range of the (UserId, FollowUpDone, FollowUpOn) index for any user.
    /// </summary>
    public DateOnly? FollowUpOn { get; set; }

    public bool FollowUpDone { get; set; }
}

/// <summary>An enterprise contact who was met.</summary>
public class ActivityContact
{
    public long ActivityId { get; set; }
    public int ContactId { get; set; }
}
