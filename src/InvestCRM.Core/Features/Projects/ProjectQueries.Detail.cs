using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

public sealed partial class ProjectQueries
{
    /// <summary>
    /// The project page: that project, its names, its stage history, its latest 50 activities. Null when not visible.
    /// Four round trips: the project with every name it shows (scalar subqueries), the stages, the history, the activities.
    /// </summary>
    public async Task<ProjectDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var row = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new
        {
            Project = p,
            Enterprise = db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
            Owner = db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            Team = db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault(),
            TeamEn = db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.NameEn).FirstOrDefault(),
            Park = db.Parks.Where(t => t.Id == p.ParkId).Select(t => t.Name).FirstOrDefault(),
            ParkEn = db.Parks.Where(t => t.Id == p.ParkId).Select(t => t.NameEn).FirstOrDefault(),
            Chain = db.IndustryChains.Where(t => t.Id == p.ChainId).Select(t => t.Name).FirstOrDefault(),
            ChainEn = db.IndustryChains.Where(t => t.Id == p.ChainId).Select(t => t.NameEn).FirstOrDefault(),
            Node = db.ChainNodes.Where(t => t.Id == p.ChainNodeId).Select(t => t.Name).FirstOrDefault(),
            NodeEn = db.ChainNodes.Where(t => t.Id == p.ChainNodeId).Select(t => t.NameEn).FirstOrDefault(),
            Incubator = db.Incubators.Where(t => t.Id == p.IncubatorId).Select(t => t.Name).FirstOrDefault(),
            Event = db.Events.Where(t => t.Id == p.EventId).Select(t => t.Name).FirstOrDefault(),
            Referral = db.Referrals.Where(r => r.ProjectId == p.Id).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var project = row.Project;
        var stages = await StagesAsync(ct);
        var changes = await db.StageChanges.AsNoTracking().Where(c => c.ProjectId == id)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.ProjectId == id)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(50)
            .Select(a => new ActivityRow(a.Id, a.OccurredAt, a.Type, a.Summary, a.NextStep,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return new ProjectDetail(
            project,
            row.Enterprise ?? "",
            stages.Single(s => s.Id == project.StageId),
            Name(row.Owner, null), Name(row.Team, row.TeamEn), Name(row.Park, row.ParkEn), Name(row.Chain, row.ChainEn),
            Name(row.Node, row.NodeEn), Name(row.Incubator, null), Name(row.Event, null),
            Timeline(changes, stages, clock.GetUtcNow()),
            History(changes, stages),
            activities,
            stages,
            ProjectAccess.CanEdit(db.User, project),
            row.Referral);
    }

    private static Named? Name(string? zh, string? en) => zh is null ? null : new Named(zh, en);

    /// <summary>Current values of a project for the edit form, with the version they belong to.</summary>
    public async Task<(ProjectInput Input, int Version)?> InputAsync(int id, CancellationToken ct = default)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return project is null ? null : (ProjectInput.From(project), project.Version);
    }

    public bool CanEdit(BoardCard card) => ProjectAccess.CanEdit(db.User, card.OwnerId, card.TeamId);

    public bool CanCreate => ProjectAccess.CanCreate(db.User);

    public async Task<ProjectOptions> OptionsAsync(CancellationToken ct = default) => new(
        await StagesAsync(ct),
        await db.Users.AsNoTracking().Where(u => u.IsActive && u.IncubatorId == null).OrderBy(u => u.DisplayName)
            .Select(u => new Option(u.Id, u.DisplayName, null)).ToListAsync(ct),
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Id.ToString(), t.Name, t.NameEn)).ToListAsync(ct),
        await db.Parks.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new Option(t.Id.ToString(), t.Name, t.NameEn)).ToListAsync(ct),
        await db.IndustryChains.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new Option(t.Id.ToString(), t.Name, t.NameEn)).ToListAsync(ct),
        await db.ChainNodes.AsNoTracking().OrderBy(t => t.ChainId).ThenBy(t => t.SortOrder)
            // Named with their chain in both languages; a name with no English falls back to the Chinese one part by part.
            .Select(t => new Option(t.Id.ToString(), t.Chain!.Name + " · " + t.Name,
                (t.Chain.NameEn ?? t.Chain.Name) + " · " + (t.NameEn ?? t.Name))).ToListAsync(ct),
        await db.Incubators.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Id.ToString(), t.Name, null)).ToListAsync(ct),
        await db.Events.AsNoTracking().OrderByDescending(t => t.Date).Take(200).Select(t => new Option(t.Id.ToString(), t.Name, null)).ToListAsync(ct));

    /// <summary>Time in stage: from each change that entered a stage to the next one that left it (or now).</summary>
    internal static IReadOnlyList<StageSpan> Timeline(IReadOnlyList<StageChange> changes, IReadOnlyList<StageOption> stages, DateTimeOffset now)
    {
        var entries = changes.Where(c => c.FromStageId != c.ToStageId).ToList();
        return entries.Select((c, i) =>
        {
            var stage = stages.First(s => s.Id == c.ToStageId);
            DateTimeOffset? left = i + 1 < entries.Count ? entries[i + 1].At : null;
            return new StageSpan(stage.Id, stage.NameZh, stage.NameEn, c.At, left, (left ?? now) - c.At);
        }).ToList();
    }

    private static IReadOnlyList<StageHistoryRow> History(IReadOnlyList<StageChange> changes, IReadOnlyList<StageOption> stages) =>
        changes.OrderByDescending(c => c.Id).Select(c =>
        {
            var from = stages.FirstOrDefault(s => s.Id == c.FromStageId);
            var to = stages.First(s => s.Id == c.ToStageId);
            return new StageHistoryRow(c.At, from?.NameZh, from?.NameEn, to.NameZh, to.NameEn, c.FromStatus, c.ToStatus, c.UserName, c.Note);
        }).ToList();
}
