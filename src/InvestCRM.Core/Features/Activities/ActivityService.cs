using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Activities;

/// <summary>Logs and edits activities (走访记录); the quick-log form, the full form and the API all call this.</summary>
public sealed partial class ActivityService(CrmDbContext db, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>The one-handed phone log: with whom (a project when opened from one), what kind, what happened, what next.</summary>
    public Task<Outcome> QuickLogAsync(int enterpriseId, ActivityType type, string summary, string? nextStep, DateOnly? followUpOn,
        int? projectId = null, CancellationToken ct = default) =>
        LogAsync(new ActivityInput
        {
            EnterpriseId = enterpriseId, ProjectId = projectId, Type = type, Summary = summary, NextStep = nextStep, FollowUpOn = followUpOn,
        }, ct);

    /// <summary>
    /// Writes the activity and touches its project in one save. The caller never holds a project version:
    /// when someone saved the project meanwhile, the log is rebuilt on the fresh row instead of refused.
    /// </summary>
    public async Task<Outcome> LogAsync(ActivityInput input, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryLogAsync(input, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome> TryLogAsync(ActivityInput input, CancellationToken ct)
    {
        var user = db.User;
        if (user.IsPartner && input.ProjectId is null)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var occurredAt = input.OccurredAt ?? clock.GetLocalNow();
        var checkedInput = await CheckAsync(input, occurredAt, user.UserId, null, ct);
        if (checkedInput.Problems.Count > 0)
        {
            return Outcome.Refused(checkedInput.Problems);
        }

        var activity = new Activity { Summary = "", CreatedById = user.UserId!, CreatedAt = clock.GetUtcNow() };
        checkedInput.Input.ApplyTo(activity, occurredAt.ToUniversalTime());
        SetLinks(activity, checkedInput.Input, user.UserId!);
        db.Activities.Add(activity);
        Touch(checkedInput.Project, activity);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(checked((int)activity.Id));
    }

    /// <summary>Only the author or leadership may rewrite what was logged.</summary>
    public async Task<Outcome> UpdateAsync(long id, ActivityInput input, CancellationToken ct = default)
    {
        var activity = await db.Activities.Include(a => a.Participants).Include(a => a.ContactsMet)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !await IsVisibleAsync(activity, ct))
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        if (!CanEdit(db.User, activity))
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var occurredAt = input.OccurredAt ?? activity.OccurredAt;
        var checkedInput = await CheckAsync(input, occurredAt, activity.CreatedById, activity.OccurredAt, ct);
        if (checkedInput.Problems.Count > 0)
        {
            return Outcome.Refused(checkedInput.Problems);
        }

        checkedInput.Input.ApplyTo(activity, occurredAt.ToUniversalTime());
        activity.Participants.Clear();
        activity.ContactsMet.Clear();
        SetLinks(activity, checkedInput.Input, activity.CreatedById);
        Touch(checkedInput.Project, activity);
        return await SaveRetryingAsync(activity.Id, ct);
    }

    /// <summary>The author, a participant or leadership ticks the follow-up off.</summary>
    public async Task<Outcome> CompleteFollowUpAsync(long id, CancellationToken ct = default)
    {
        var user = db.User;
        var activity = await db.Activities.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !await IsVisibleAsync(activity, ct))
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        var involved = CanEdit(user, activity)
            || await db.ActivityParticipants.AnyAsync(p => p.ActivityId == id && p.UserId == user.UserId, ct);
        if (!involved)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        if (activity.FollowUpOn is null)
        {
            return Outcome.Refused(new Problem("Rule.NoFollowUp"));
        }

        activity.FollowUpDone = true;
        await db.SaveChangesAsync(ct);
        return Outcome.Done(checked((int)id));
    }

    public static bool CanEdit(CurrentUser user, Activity activity) =>
        user.IsSystem || user.IsLeadership || activity.CreatedById == user.UserId;

    /// <summary>An activity on a project the user may not see does not exist for them.</summary>
    private async Task<bool> IsVisibleAsync(Activity activity, CancellationToken ct) =>
        activity.ProjectId is not { } projectId
            ? !db.User.IsPartner
            : await db.Projects.AnyAsync(p => p.Id == projectId, ct);

    private async Task<Outcome> SaveRetryingAsync(long id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done(checked((int)id));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused(new Problem("Rule.Concurrency"));
        }
    }

    private static void SetLinks(Activity activity, ActivityInput input, string creatorId)
    {
        activity.Participants.AddRange(input.ParticipantIds.Append(creatorId).Distinct()
            .Select(u => new ActivityParticipant { UserId = u }));
        activity.ContactsMet.AddRange(input.ContactIds.Distinct().Select(c => new ActivityContact { ContactId = c }));
    }

    /// <summary>The project shows when it was last worked on and when the next step is due.</summary>
    private static void Touch(Project? project, Activity activity)
    {
        if (project is null)
        {
            return;
        }

        if (project.LastActivityAt is null || project.LastActivityAt < activity.OccurredAt)
        {
            project.LastActivityAt = activity.OccurredAt;
        }

        if (activity.FollowUpOn is { } followUp && !activity.FollowUpDone && (project.NextActionOn is null || project.NextActionOn < followUp))
        {
            project.NextActionOn = followUp;
        }
    }
}
