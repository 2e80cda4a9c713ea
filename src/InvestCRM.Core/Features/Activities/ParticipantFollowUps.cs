using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InvestCRM.Features.Activities;

/// <summary>
/// Keeps each participant row's copy of its activity's follow-up (date and done flag) equal to the activity, inside
/// every SaveChanges, so no write path can forget it. Participants the context tracks get the values before the
/// save, in the same statements; the rows it does not hold (a follow-up ticked off without loading its participants)
/// are copied from the activity by one UPDATE after it, in the same transaction.
/// </summary>
internal static class ParticipantFollowUps
{
    /// <summary>Copies the values onto tracked participants; returns the activities whose other rows must follow.</summary>
    public static List<long> Capture(ChangeTracker tracker)
    {
        var copied = new HashSet<ActivityParticipant>(ReferenceEqualityComparer.Instance);
        var stale = new List<long>();
        foreach (var entry in tracker.Entries<Activity>().Where(e => e.State is not (EntityState.Deleted or EntityState.Detached)))
        {
            var activity = entry.Entity;
            foreach (var participant in activity.Participants)
            {
                Copy(tracker.Context.Entry(participant), activity);
                copied.Add(participant);
            }

            if (entry.State == EntityState.Modified && FollowUpChanged(entry) && !entry.Collection(a => a.Participants).IsLoaded)
            {
                stale.Add(activity.Id);
            }
        }

        // A participant row added on its own, without its activity at hand.
        stale.AddRange(tracker.Entries<ActivityParticipant>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && !copied.Contains(e.Entity))
            .Select(e => e.Entity.ActivityId));
        return stale.Distinct().ToList();
    }

    /// <summary>Copies the activities' values onto all their participant rows (call after the save, in its transaction).</summary>
    public static async Task ApplyAsync(CrmDbContext db, IReadOnlyList<long> activityIds, CancellationToken ct)
    {
        if (activityIds.Count == 0)
        {
            return;
        }

        // Raw rows regardless of who saves: the copy must hold for every user.
        var activities = db.Activities.IgnoreQueryFilters();
        await db.ActivityParticipants.Where(p => activityIds.Contains(p.ActivityId)).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.FollowUpOn, p => activities.Where(a => a.Id == p.ActivityId).Select(a => a.FollowUpOn).FirstOrDefault())
            .SetProperty(p => p.FollowUpDone, p => activities.Where(a => a.Id == p.ActivityId).Select(a => a.FollowUpDone).FirstOrDefault()), ct);
    }

    private static bool FollowUpChanged(EntityEntry<Activity> entry) =>
        entry.Property(a => a.FollowUpOn).IsModified || entry.Property(a => a.FollowUpDone).IsModified;

    private static void Copy(EntityEntry<ActivityParticipant> participant, Activity activity)
    {
        if (participant.Entity.FollowUpOn != activity.FollowUpOn)
        {
            participant.Property(p => p.FollowUpOn).CurrentValue = activity.FollowUpOn;
        }

        if (participant.Entity.FollowUpDone != activity.FollowUpDone)
        {
            participant.Property(p => p.FollowUpDone).CurrentValue = activity.FollowUpDone;
        }
    }
}
