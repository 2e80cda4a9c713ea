using InvestCRM.Data;
using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Activities;

public sealed partial class ActivityService
{
    public async Task<ActivityPage> RecentAsync(ActivityFilter filter, CancellationToken ct = default)
    {
        var page = Math.Max(1, filter.Page);
        var query = Visible();
        if (filter.Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        if (filter.From is { } from)
        {
            var start = StartOfDay(from);
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            query = query.Where(a => a.OccurredAt < end);
        }

        if (filter.Mine && db.User.UserId is { } me)
        {
            query = query.Where(a => a.CreatedById == me || a.Participants.Any(p => p.UserId == me));
        }

        var rows = await Rows(Newest(query).ThenByDescending(a => a.Id)
            .Skip((page - 1) * ActivityFilter.PageSize).Take(ActivityFilter.PageSize + 1)).ToListAsync(ct);
        return new ActivityPage(rows.Take(ActivityFilter.PageSize).ToList(), page, rows.Count > ActivityFilter.PageSize);
    }

    /// <summary>Newest first, through the (ProjectId, OccurredAt) index.</summary>
    public async Task<IReadOnlyList<ActivityRow>> ForProjectAsync(int projectId, int take = 50, CancellationToken ct = default) =>
        await Rows(Newest(Visible().Where(a => a.ProjectId == projectId)).Take(take)).ToListAsync(ct);

    /// <summary>Newest first, through the (EnterpriseId, OccurredAt) index.</summary>
    public async Task<IReadOnlyList<ActivityRow>> ForEnterpriseAsync(int enterpriseId, int take = 50, CancellationToken ct = default) =>
        await Rows(Newest(Visible().Where(a => a.EnterpriseId == enterpriseId)).Take(take)).ToListAsync(ct);

    public async Task<IReadOnlyList<ActivityRow>> ForEventAsync(int eventId, int take = 200, CancellationToken ct = default) =>
        await Rows(Newest(Visible().Where(a => a.EventId == eventId)).Take(take)).ToListAsync(ct);

    public async Task<ActivityDetail?> DetailAsync(long id, CancellationToken ct = default)
    {
        var detail = await Visible().Where(a => a.Id == id).Select(a => new ActivityDetail(
                a.Id, a.Type, a.OccurredAt, a.Place, a.Summary, a.Outcome, a.NextStep, a.FollowUpOn, a.FollowUpDone,
                a.ProjectId, db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).FirstOrDefault(),
                a.EnterpriseId, db.Enterprises.Where(e => e.Id == a.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
                a.EventId, db.Events.Where(e => e.Id == a.EventId).Select(e => e.Name).FirstOrDefault(),
                a.CreatedById, db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault(), a.CreatedAt,
                a.Participants.Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new NamedId(u.Id, u.DisplayName)).ToList(),
                a.ContactsMet.Join(db.Contacts, m => m.ContactId, c => c.Id, (m, c) => new NamedId(c.Id.ToString(), c.Name)).ToList()))
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        return detail is null ? null : detail with { CanEdit = db.User.IsSystem || db.User.IsLeadership || detail.CreatedById == db.User.UserId };
    }

    /// <summary>The quick-log picker: a name or credit-code fragment, at most <paramref name="take"/> matches.</summary>
    public async Task<IReadOnlyList<EnterpriseOption>> SearchEnterprisesAsync(string? q, int take = 10, CancellationToken ct = default)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text) || db.User.IsPartner)
        {
            return [];
        }

        return await db.Enterprises.AsNoTracking()
            .Where(e => e.Name.Contains(text) || e.NormalizedName.Contains(text) || (e.CreditCode != null && e.CreditCode.Contains(text.ToUpper())))
            .OrderBy(e => e.Name.Length).ThenBy(e => e.Name)
            .Take(take)
            .Select(e => new EnterpriseOption(e.Id, e.Name, e.CreditCode, e.HqCity))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<NamedId>> ContactsOfAsync(int enterpriseId, CancellationToken ct = default) =>
        await db.Contacts.AsNoTracking().Where(c => c.EnterpriseId == enterpriseId).OrderBy(c => c.Name)
            .Select(c => new NamedId(c.Id.ToString(), c.Title == null ? c.Name : c.Name + " · " + c.Title)).ToListAsync(ct);

    /// <summary>Choices for the form: staff to add, the enterprise's contacts, recent events, and the pre-selected targets.</summary>
    public async Task<ActivityFormOptions> FormOptionsAsync(int? enterpriseId, int? projectId, CancellationToken ct = default)
    {
        var project = projectId is { } pid
            ? await db.Projects.AsNoTracking().Where(p => p.Id == pid).Select(p => new ProjectChoice(p.Id, p.Title, p.EnterpriseId)).FirstOrDefaultAsync(ct)
            : null;
        var enterpriseKey = project?.EnterpriseId ?? enterpriseId;
        var enterprise = enterpriseKey is { } eid
            ? await db.Enterprises.AsNoTracking().Where(e => e.Id == eid).Select(e => new EnterpriseOption(e.Id, e.Name, e.CreditCode, e.HqCity)).FirstOrDefaultAsync(ct)
            : null;
        var staff = await ActiveUsers.In(db, ActiveUsers.Internal).AsNoTracking()
            .OrderBy(u => u.DisplayName).Select(u => new NamedId(u.Id, u.DisplayName)).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().OrderByDescending(e => e.Date).Take(30)
            .Select(e => new EventChoice(e.Id, e.Name, e.Date)).ToListAsync(ct);
        var contacts = enterprise is null ? [] : await ContactsOfAsync(enterprise.Id, ct);
        return new ActivityFormOptions(staff, contacts, events, enterprise, project);
    }

    /// <summary>Partners see activities only through projects they may see; staff see all.</summary>
    private IQueryable<Activity> Visible() => db.User.IsPartner
        ? db.Activities.AsNoTracking().Where(a => a.ProjectId != null && db.Projects.Any(p => p.Id == a.ProjectId))
        : db.Activities.AsNoTracking();

    private static IOrderedQueryable<Activity> Newest(IQueryable<Activity> query) => query.OrderByDescending(a => a.OccurredAt);

    private IQueryable<ActivityRow> Rows(IQueryable<Activity> query) => query.Select(a => new ActivityRow(
        a.Id, a.Type, a.OccurredAt, a.Summary, a.NextStep, a.FollowUpOn, a.FollowUpDone,
        a.ProjectId, db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).FirstOrDefault(),
        a.EnterpriseId, db.Enterprises.Where(e => e.Id == a.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
        db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault()));

    private DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
