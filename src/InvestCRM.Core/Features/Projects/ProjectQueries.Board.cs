using InvestCRM.Features.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

public sealed partial class ProjectQueries
{
    /// <summary>Counted from the projects themselves (a filter the pipeline summary cannot answer), a stage stops at this many and shows "1,000+".</summary>
    public const int BoardCountCap = 1000;

    private sealed record StageCount(int Id, string NameZh, string NameEn, int Count);

    /// <summary>
    /// Per stage: how many active projects match, and the most recently updated few of them. The counts come exactly
    /// from the pipeline summary when it can answer the filter (see <see cref="Summarized"/>), else from the projects,
    /// capped at <paramref name="countCap"/> per stage (a capped count walks the (StageId, Status, UpdatedAt) index and
    /// stops early). The cards of all stages come in one round trip: one ordered index range per stage.
    /// </summary>
    public async Task<IReadOnlyList<BoardColumn>> BoardAsync(ProjectFilter filter, int perStage = 20, int countCap = BoardCountCap,
        CancellationToken ct = default)
    {
        var activeFilter = filter with { StageId = null, Status = ProjectStatus.Active };
        var active = Filtered(activeFilter, await MatchAsync(filter, ct));
        var summary = Summarized(activeFilter);
        var stages = summary is not null
            ? await db.Stages.AsNoTracking().OrderBy(s => s.Order).Select(s => new StageCount(s.Id, s.NameZh, s.NameEn,
                (int)(summary.Where(x => x.StageId == s.Id).Sum(x => x.Projects) / PipelineSummary.Scale))).ToListAsync(ct)
            : await db.Stages.AsNoTracking().OrderBy(s => s.Order).Select(s => new StageCount(s.Id, s.NameZh, s.NameEn,
                active.Where(p => p.StageId == s.Id).Take(countCap + 1).Count())).ToListAsync(ct);
        var cards = await BoardCardsAsync(active, stages.Where(s => s.Count > 0).Select(s => s.Id).ToList(), perStage, ct);
        return stages.Select(s => summary is not null || s.Count <= countCap
                ? new BoardColumn(s.Id, s.NameZh, s.NameEn, s.Count, [.. cards[s.Id]])
                : new BoardColumn(s.Id, s.NameZh, s.NameEn, countCap, [.. cards[s.Id]], CountCapped: true))
            .ToList();
    }

    private async Task<ILookup<int, BoardCard>> BoardCardsAsync(IQueryable<Project> active, IReadOnlyList<int> stageIds, int perStage,
        CancellationToken ct)
    {
        if (stageIds.Count == 0)
        {
            return Array.Empty<BoardCard>().ToLookup(c => c.StageId);
        }

        var newest = stageIds.Select(id => NewestFirst(active.Where(p => p.StageId == id)).Take(perStage)).Aggregate((a, b) => a.Concat(b));
        var cards = await Cards(NewestFirst(newest)).ToListAsync(ct);
        return cards.ToLookup(c => c.StageId);
    }

    /// <summary>The total of the list, exactly from the pipeline summary when it can answer the filter; null when it cannot.</summary>
    private async Task<int?> SummaryCountAsync(ProjectFilter filter, CancellationToken ct) =>
        Summarized(filter) is { } summary ? (int)(await summary.SumAsync(s => s.Projects, ct) / PipelineSummary.Scale) : null;

    /// <summary>
    /// The summary rows of the projects the filter selects, or null when the filter uses anything the summary does not
    /// keep (owner, source, text). Partners never read it: its rows span every incubator, and the access scope that
    /// narrows their projects does not apply to it. An id of 0 would match the summary's "none" rows, not a project.
    /// </summary>
    private IQueryable<PipelineSummary>? Summarized(ProjectFilter f)
    {
        if (db.User.IsPartner || f.OwnerId is not null || f.Source is not null || f.Text is not null
            || f.StageId <= 0 || f.TeamId <= 0 || f.ParkId <= 0 || f.ChainId <= 0 || f.IncubatorId <= 0)
        {
            return null;
        }

        var rows = db.PipelineSummaries.AsNoTracking();
        if (f.StageId is { } stage) rows = rows.Where(s => s.StageId == stage);
        if (f.Status is { } status) rows = rows.Where(s => s.Status == status);
        if (f.TeamId is { } team) rows = rows.Where(s => s.TeamId == team);
        if (f.ParkId is { } park) rows = rows.Where(s => s.ParkId == park);
        if (f.ChainId is { } chain) rows = rows.Where(s => s.ChainId == chain);
        if (f.IncubatorId is { } incubator) rows = rows.Where(s => s.IncubatorId == incubator);
        return rows;
    }
}
