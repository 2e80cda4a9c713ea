using InvestCRM.Data;

namespace InvestCRM.Features.Notifications;

/// <summary>
/// An in-app notice for one user: a partner update on their project, a stage change of a referral. Reference data in the
/// cache's sense: every page's bell counts the user's unread notices (see <see cref="UnreadNotices"/>), and notices
/// are saved far less often than pages are shown.
/// </summary>
public class Notification : IReferenceData
{
    public long Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>Resource key of the message; <see cref="Arguments"/> fill its placeholders.</summary>
    public required string MessageKey { get; set; }
    public string? Arguments { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
