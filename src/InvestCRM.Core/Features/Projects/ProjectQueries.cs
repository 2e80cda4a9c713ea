using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using InvestCRM.Data;
using InvestCRM.Features.Stages;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

/// <summary>
/// Read side of the project screens: the list, the board, the export and the project page. Every query projects
/// only the columns shown and narrows on the indexed columns first (see ProjectConfiguration).
/// </summary>
public sealed partial class ProjectQueries(CrmDbContext db, ReferenceCache cache, TimeProvider clock)
{
    public async Task<ProjectPage> ListAsync(ProjectFilter filter, CancellationToken ct = default)
    {
        var match = await MatchAsync(filter, ct);
        // The pipeline summary counts exactly when the filter allows (never with text); else the search's own count.
        var (total, capped) = await SummaryCountAsync(filter, ct) is { } exact
            ? (exact, false)
            : await CountAsync(Filtered(filter, match), filter, match, ct);
        var page = Math.Min(filter.Page, ProjectPage.PageCount(total, capped, ProjectFilter.PageSize));
        var rows = PageOfMatch(filter, match, page) is { } ids
            ? await Rows(Ordered(db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)), filter)).ToListAsync(ct)
            : await Rows(Ordered(Filtered(filter, match, page: true), filter).Skip((page - 1) * ProjectFilter.PageSize).Take(ProjectFilter.PageSize)).ToListAsync(ct);
        return new ProjectPage(rows, total, page, ProjectFilter.PageSize, capped);
    }

    /// <summary>The whole filtered list (no paging) up to <paramref name="cap"/> rows, read as a stream.</summary>
    public async IAsyncEnumerable<ProjectListRow> ExportRows(ProjectFilter filter, int cap, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var match = await MatchAsync(filter, ct);
        await foreach (var row in Rows(Ordered(Filtered(filter, match), filter).Take(cap)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    public Task<BoardCard?> CardAsync(int id, CancellationToken ct = default) =>
        Cards(db.Projects.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>The stages in pipeline order, from the reference cache.</summary>
    public async Task<IReadOnlyList<StageOption>> StagesAsync(CancellationToken ct = default) =>
        (await cache.StagesAsync(db, ct)).Select(s => new StageOption(s.Id, s.Code, s.Order, s.NameZh, s.NameEn, s.RequiredFacts)).ToList();

    /// <summary>Enterprises to pick for a project: by name or credit code, plus the one already chosen.</summary>
    public async Task<IReadOnlyList<Option>> EnterprisesAsync(string? text, int? chosenId, CancellationToken ct = default)
    {
        var query = db.Enterprises.AsNoTracking();
        var term = text?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            query = query.Where(e => e.Id == chosenId);
        }
        else
        {
            var (pattern, code) = (new SearchTerm(term).Pattern, term.ToUpperInvariant());
            query = db.Database.IsNpgsql()
                ? query.Where(e => e.Id == chosenId || EF.Functions.ILike(e.Name, pattern, "\\") || e.CreditCode == code)
                : query.Where(e => e.Id == chosenId || EF.Functions.Like(e.Name, pattern, "\\") || e.CreditCode == code);
        }

        return await query.OrderBy(e => e.Name).Take(30).Select(e => new Option(e.Id.ToString(), e.Name, null)).ToListAsync(ct);
    }

    /// <summary>The filtered projects; <paramref name="page"/> when they are read for one page in order, not counted.</summary>
    private IQueryable<Project> Filtered(ProjectFilter f, TextMatch? match, bool page = false)
    {
        var query = db.Projects.AsNoTracking();
        if (f.StageId is { } stage) query = query.Where(p => p.StageId == stage);
        if (f.Status is { } status) query = query.Where(p => p.Status == status);
        if (f.OwnerId is { } owner) query = query.Where(p => p.OwnerId == owner);
        if (f.TeamId is { } team) query = query.Where(p => p.TeamId == team);
        if (f.ParkId is { } park) query = query.Where(p => p.ParkId == park);
        if (f.ChainId is { } chain) query = query.Where(p => p.ChainId == chain);
        if (f.Source is { } source) query = query.Where(p => p.Source == source);
        if (f.IncubatorId is { } incubator) query = query.Where(p => p.IncubatorId == incubator);
        return match is null ? query : Matching(query, match, page);
    }

    private IQueryable<Project> Ordered(IQueryable<Project> query, ProjectFilter f) => f.Sort switch
    {
        "created" => By(query, p => p.CreatedAt, f.Descending),
        "title" => By(query, p => p.Title, f.Descending),
        "investment" => Sqlite ? By(query, p => (double?)p.PlannedInvestmentWan, f.Descending) : By(query, p => p.PlannedInvestmentWan, f.Descending),
        "nextAction" => By(query, p => p.NextActionOn, f.Descending),
        "stage" => By(query, p => p.Stage!.Order, f.Descending),
        _ => NewestFirst(query, f.Descending),
    };

    private IQueryable<Project> NewestFirst(IQueryable<Project> query, bool descending = true) =>
        By(query, p => p.UpdatedAt, descending);

    // SQLite stores decimals as text, which EF will not order; a REAL cast orders amounts correctly there.
    private bool Sqlite => db.Database.IsSqlite();

    // The id breaks ties so that paging never shows a row twice or skips one.
    private static IQueryable<Project> By<TKey>(IQueryable<Project> query, Expression<Func<Project, TKey>> key, bool descending) =>
        descending
            ? query.OrderByDescending(key).ThenByDescending(p => p.Id)
            : query.OrderBy(key).ThenBy(p => p.Id);

    // Names are looked up after paging, so only the rows of one page pay for them.
    private IQueryable<ProjectListRow> Rows(IQueryable<Project> page) => page.Select(p => new ProjectListRow(
        p.Id, p.Title, p.Enterprise!.Name, p.Stage!.NameZh, p.Stage.NameEn, p.Status, p.Source,
        db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        db.Parks.Where(x => x.Id == p.ParkId).Select(x => x.Name).FirstOrDefault(),
        db.Parks.Where(x => x.Id == p.ParkId).Select(x => x.NameEn).FirstOrDefault(),
        db.IndustryChains.Where(x => x.Id == p.ChainId).Select(x => x.Name).FirstOrDefault(),
        db.IndustryChains.Where(x => x.Id == p.ChainId).Select(x => x.NameEn).FirstOrDefault(),
        p.PlannedInvestmentWan, p.NextActionOn, p.CreatedAt, p.UpdatedAt));

    private IQueryable<BoardCard> Cards(IQueryable<Project> projects) => projects.Select(p => new BoardCard(
        p.Id, p.Title, p.Enterprise!.Name, p.StageId,
        db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        p.OwnerId, p.TeamId, p.PlannedInvestmentWan, p.NextActionOn, p.Version));
}
