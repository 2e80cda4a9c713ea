using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

public sealed partial class ProjectQueries
{
    /// <summary>The project page: that project, its names, its stage history, its latest 50 activities. Null when not visible.</summary>
    public async Task<ProjectDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return null;
        }

        var stages = await StagesAsync(ct);
        var changes = await db.StageChanges.AsNoTracking().Where(c => c.ProjectId == id)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var forProject = db.Activities.AsNoTracking().Where(a => a.ProjectId == id);
        var activities = await forProject.OrderByDescending(a => a.OccurredAt)
            .ThenByDescending(a => a.Id).Take(50)
            .Select(a => new ActivityRow(a.Id, a.OccurredAt, a.Type, a.Summary, a.NextStep,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
        return new ProjectDetail(
            project,
            await db.Enterprises.Where(e => e.Id == project.EnterpriseId).Select(e => e.Name).FirstAsync(ct),
            stages.Single(s => s.Id == project.StageId),
            await db.Users.Where(u => u.Id == project.OwnerId).Select(u => new Named(u.DisplayName, null)).FirstOrDefaultAsync(ct),
            await NameAsync(db.Teams.Where(t => t.Id == project.TeamId).Select(t => new Named(t.Name, t.NameEn)), ct),
            await NameAsync(db.Parks.Where(t => t.Id == project.ParkId).Select(t => new Named(t.Name, t.NameEn)), ct),
            await NameAsync(db.IndustryChains.Where(t => t.Id == project.ChainId).Select(t => new Named(t.Name, t.NameEn)), ct),
            await NameAsync(db.ChainNodes.Where(t => t.Id == project.ChainNodeId).Select(t => new Named(t.Name, t.NameEn)), ct),
            await NameAsync(db.Incubators.Where(t => t.Id == project.IncubatorId).Select(t => new Named(t.Name, null)), ct),
            await NameAsync(db.Events.Where(t => t.Id == project.EventId).Select(t => new Named(t.Name, null)), ct),
            Timeline(changes, stages, clock.GetUtcNow()),
            History(changes, stages),
            activities,
            stages,
            ProjectAccess.CanEdit(db.User, project));
    }

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
            .Select(t => new Option(t.Id.ToString(), t.Chain!.Name + " · " + t.Name, t.NameEn)).ToListAsync(ct),
        await db.Incubators.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Id.ToString(), t.Name, null)).ToListAsync(ct),
        await db.Events.AsNoTracking().OrderByDescending(t => t.Date).Take(200).Select(t => new Option(t.Id.ToString(), t.Name, null)).ToListAsync(ct));

    private static async Task<Named?> NameAsync(IQueryable<Named> query, CancellationToken ct) =>
        await query.FirstOrDefaultAsync(ct);

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
