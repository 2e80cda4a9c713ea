using InvestCRM.Data;
using InvestCRM.Features.Activities;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestCRM.Features.MyWork;

public sealed record FollowUpRow(long ActivityId, ActivityType Type, DateOnly FollowUpOn, string? NextStep, string Summary,
    int? ProjectId, string? ProjectTitle, int? EnterpriseId, string? EnterpriseName);

public sealed record ProjectDueRow(int Id, string Title, string EnterpriseName, string StageNameZh, string StageNameEn,
    DateOnly? NextActionOn, DateTimeOffset? LastActivityAt, DateTimeOffset UpdatedAt, DateTimeOffset CreatedAt);

public sealed record MyWorkView(DateOnly Today, int StaleDays, bool Team, IReadOnlyList<FollowUpRow> FollowUps,
    IReadOnlyList<ProjectDueRow> ProjectsDue, IReadOnlyList<ProjectDueRow> Stale, IReadOnlyList<ProjectDueRow> RecentlyChanged);

/// <summary>
/// A staff member's to-do list. Every query is one ordered range of an index keyed by the user (or team), capped:
/// ActivityParticipant (UserId, FollowUpDone, FollowUpOn, ActivityId), Project (OwnerId, Status, NextActionOn),
/// (OwnerId or TeamId, Status, LastActivityAt, CreatedAt) and (OwnerId, UpdatedAt).
/// </summary>
public sealed class MyWorkService(CrmDbContext db, TimeProvider clock, IOptions<MyWorkOptions> options)
{
    private const int Cap = 100;

    public async Task<MyWorkView> ForCurrentUserAsync(int? staleDays = null, bool team = false, CancellationToken ct = default)
    {
        var me = db.User.UserId ?? "";
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var days = staleDays is >= 1 and <= 3650 ? staleDays.Value : options.Value.StaleDays;
        var teamId = team ? db.User.TeamId : null;
        return new MyWorkView(today, days, teamId is not null,
            await FollowUpsAsync(me, today, ct),
            await DueProjectsAsync(me, today, ct),
            await StaleAsync(me, teamId, clock.GetUtcNow().AddDays(-days), ct),
            await RecentlyChangedAsync(me, clock.GetUtcNow().AddDays(-options.Value.RecentDays), ct));
    }

    /// <summary>
    /// Open follow-ups due today or earlier that the user logged or took part in (the author is a participant too),
    /// earliest first: one ordered range of the participant rows' (UserId, FollowUpDone, FollowUpOn, ActivityId) index,
    /// which carry a copy of their activity's follow-up (<see cref="ParticipantFollowUps"/>), stopped at the cap.
    /// </summary>
    private async Task<IReadOnlyList<FollowUpRow>> FollowUpsAsync(string me, DateOnly today, CancellationToken ct)
    {
        // Compared with a parameter: SQLite seeks its index on "FollowUpDone = ?" but not on "NOT FollowUpDone".
        var done = false;
        return await db.ActivityParticipants.AsNoTracking()
            .Where(p => p.UserId == me && p.FollowUpDone == done && p.FollowUpOn <= today)
            .Join(db.Activities, p => p.ActivityId, a => a.Id, (p, a) => new { p.FollowUpOn, p.ActivityId, Activity = a })
            .OrderBy(x => x.FollowUpOn).ThenBy(x => x.ActivityId)
            .Take(Cap)
            .Select(x => x.Activity)
            .Select(a => new FollowUpRow(a.Id, a.Type, a.FollowUpOn!.Value, a.NextStep, a.Summary,
                a.ProjectId, db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).FirstOrDefault(),
                a.EnterpriseId, db.Enterprises.Where(e => e.Id == a.EnterpriseId).Select(e => e.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }

    private async Task<IReadOnlyList<ProjectDueRow>> DueProjectsAsync(string me, DateOnly today, CancellationToken ct) =>
        await Rows(db.Projects.Where(p => p.OwnerId == me && p.NextActionOn != null && p.NextActionOn <= today && p.Status == ProjectStatus.Active)
            .OrderBy(p => p.NextActionOn)).ToListAsync(ct);

    /// <summary>
    /// Active projects nobody has logged anything on since <paramref name="cutoff"/> (or since creation), longest
    /// stale first. Two ordered range reads of the (owner or team, status, last activity, created) index, merged here:
    /// ordering by "last activity, else creation" in SQL would read and sort every active project of the user.
    /// </summary>
    private async Task<IReadOnlyList<ProjectDueRow>> StaleAsync(string me, int? teamId, DateTimeOffset cutoff, CancellationToken ct)
    {
        var scope = (teamId is { } team ? db.Projects.Where(p => p.TeamId == team) : db.Projects.Where(p => p.OwnerId == me))
            .Where(p => p.Status == ProjectStatus.Active);
        // LastActivityAt is null throughout "never"; ordering by it as well lets PostgreSQL, for which IS NULL is no
        // equality, read the index in order and stop at the cap instead of sorting all of the user's such projects.
        var never = await Rows(scope.Where(p => p.LastActivityAt == null && p.CreatedAt < cutoff)
            .OrderBy(p => p.LastActivityAt).ThenBy(p => p.CreatedAt)).ToListAsync(ct);
        var idle = await Rows(scope.Where(p => p.LastActivityAt < cutoff).OrderBy(p => p.LastActivityAt)).ToListAsync(ct);
        return never.Concat(idle).OrderBy(r => r.LastActivityAt ?? r.CreatedAt).ThenBy(r => r.Id).Take(Cap).ToList();
    }

    private async Task<IReadOnlyList<ProjectDueRow>> RecentlyChangedAsync(string me, DateTimeOffset since, CancellationToken ct)
    {
        var mine = db.Projects.Where(p => p.OwnerId == me);
        var changed = mine.Where(p => p.UpdatedAt >= since).OrderByDescending(p => p.UpdatedAt);
        return await Rows(changed).ToListAsync(ct);
    }

    private IQueryable<ProjectDueRow> Rows(IQueryable<Project> query) => query.AsNoTracking().Take(Cap).Select(p => new ProjectDueRow(
        p.Id, p.Title, p.Enterprise!.Name, p.Stage!.NameZh, p.Stage.NameEn, p.NextActionOn, p.LastActivityAt, p.UpdatedAt, p.CreatedAt));
}
