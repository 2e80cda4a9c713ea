using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Activities;

public sealed partial class ActivityService
{
    /// <summary>The input after the database rules, with the enterprise taken from the project when left empty.</summary>
    private sealed record CheckedInput(ActivityInput Input, Project? Project, List<Problem> Problems);

    /// <summary>
    /// Form rules plus the ones that need the database: the rows exist, are visible, and fit together.
    /// Each lookup is by key so the check stays cheap however many activities there are.
    /// </summary>
    private async Task<CheckedInput> CheckAsync(
        ActivityInput input, DateTimeOffset occurredAt, string? creatorId, DateTimeOffset? stored, CancellationToken ct)
    {
        // The end of today, China time; a time already saved later than that (before this rule) may stay as it is.
        var now = ChinaTime.Now(clock);
        var latest = new DateTimeOffset(now.Date.AddDays(1), now.Offset).AddTicks(-1);
        var problems = input.Check(occurredAt, stored > latest ? stored.Value : latest).ToList();
        Project? project = null;
        if (input.ProjectId is { } projectId)
        {
            // The query filter hides projects a partner may not see: for them the project does not exist.
            project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
            if (project is null)
            {
                problems.Add(new Problem("Rule.UnknownProject", nameof(input.ProjectId)));
            }
            else if (input.EnterpriseId is { } enterpriseId && enterpriseId != project.EnterpriseId)
            {
                problems.Add(new Problem("Rule.ProjectNotOfEnterprise", nameof(input.ProjectId)));
            }
            else
            {
                input = input with { EnterpriseId = project.EnterpriseId };
            }
        }
        else if (input.EnterpriseId is { } enterpriseId && !await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
        {
            problems.Add(new Problem("Rule.UnknownEnterprise", nameof(input.EnterpriseId)));
        }

        await CheckLinksAsync(input, creatorId, problems, ct);
        return new CheckedInput(input, project, problems);
    }

    private async Task CheckLinksAsync(ActivityInput input, string? creatorId, List<Problem> problems, CancellationToken ct)
    {
        var contactIds = input.ContactIds.Distinct().ToList();
        if (contactIds.Count > 0)
        {
            var ofEnterprise = await db.Contacts.CountAsync(c => contactIds.Contains(c.Id) && c.EnterpriseId == input.EnterpriseId, ct);
            if (ofEnterprise != contactIds.Count)
            {
                problems.Add(new Problem("Rule.ContactNotOfEnterprise", nameof(input.ContactIds)));
            }
        }

        var others = input.ParticipantIds.Where(u => u != creatorId).Distinct().ToList();
        if (others.Count > 0 && await ActiveInternalCountAsync(others, ct) != others.Count)
        {
            problems.Add(new Problem("Rule.UnknownParticipant", nameof(input.ParticipantIds)));
        }

        if (input.EventId is { } eventId && !await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            problems.Add(new Problem("Rule.UnknownEvent", nameof(input.EventId)));
        }
    }

    private Task<int> ActiveInternalCountAsync(List<string> userIds, CancellationToken ct) =>
        ActiveUsers.In(db, ActiveUsers.Internal).CountAsync(u => userIds.Contains(u.Id), ct);
}
