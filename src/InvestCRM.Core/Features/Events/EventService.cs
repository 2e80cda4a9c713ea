using InvestCRM.Data;
using InvestCRM.Features.Activities;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Events;

public sealed record EventRow(int Id, string Name, DateOnly Date, string City);

public sealed record EventProjectRow(int Id, string Title, string StageNameZh, string StageNameEn);

public sealed record EventDetail(int Id, string Name, DateOnly Date, string City, string? Description,
    IReadOnlyList<ActivityRow> Activities, IReadOnlyList<EventProjectRow> Projects);

/// <summary>Events (招商活动) and what came out of them; staff create and edit them.</summary>
public sealed class EventService(CrmDbContext db, ActivityService activities)
{
    private const int Cap = 200;

    public async Task<IReadOnlyList<EventRow>> ListAsync(CancellationToken ct = default) =>
        await db.Events.AsNoTracking().OrderByDescending(e => e.Date).ThenBy(e => e.Name)
            .Select(e => new EventRow(e.Id, e.Name, e.Date, e.City)).ToListAsync(ct);

    public async Task<EventDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var row = await db.Events.AsNoTracking().Where(e => e.Id == id).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        // The project query filter keeps a partner's view to their own incubator's projects.
        var projects = await db.Projects.AsNoTracking().Where(p => p.EventId == id).OrderBy(p => p.Title).Take(Cap)
            .Select(p => new EventProjectRow(p.Id, p.Title, p.Stage!.NameZh, p.Stage.NameEn)).ToListAsync(ct);
        return new EventDetail(row.Id, row.Name, row.Date, row.City, row.Description, await activities.ForEventAsync(id, Cap, ct), projects);
    }

    public async Task<Outcome> CreateAsync(EventInput input, CancellationToken ct = default)
    {
        var problems = await RefusalsAsync(input, 0, ct);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var crmEvent = new CrmEvent { Name = "", City = "" };
        input.ApplyTo(crmEvent);
        db.Events.Add(crmEvent);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(crmEvent.Id);
    }

    public async Task<Outcome> UpdateAsync(int id, EventInput input, CancellationToken ct = default)
    {
        var crmEvent = await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (crmEvent is null)
        {
            return Outcome.NotFound();
        }

        var problems = await RefusalsAsync(input, id, ct);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        input.ApplyTo(crmEvent);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(id);
    }

    /// <summary>
    /// The input's own checks, then whether another event (not <paramref name="id"/>) already has its name on its day:
    /// posting the form twice must not list the same event twice. Names are compared trimmed and ignoring case.
    /// </summary>
    private async Task<List<Problem>> RefusalsAsync(EventInput input, int id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return [new Problem("Rule.NotAllowed")];
        }

        var problems = input.Check().ToList();
        var name = input.Name.Trim().ToLower();
        if (problems.Count == 0 && await db.Events.AnyAsync(e => e.Id != id && e.Date == input.Date && e.Name.ToLower() == name, ct))
        {
            problems.Add(new Problem("Event.Duplicate", nameof(EventInput.Name)));
        }

        return problems;
    }

    private bool CanManage => db.User.IsSystem || db.User.IsLeadership || db.User.IsStaff;
}
