using System.Linq.Expressions;
using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

/// <summary>
/// Read side of the project screens: the list, the board, the export and the project page. Every query projects
/// only the columns shown and narrows on the indexed columns first (see ProjectConfiguration).
/// </summary>
public sealed partial class ProjectQueries(CrmDbContext db, TimeProvider clock)
{
    public async Task<ProjectPage> ListAsync(ProjectFilter filter, CancellationToken ct = default)
    {
        var filtered = Filtered(filter);
        var total = await SummaryCountAsync(filter, ct) ?? await filtered.CountAsync(ct);
        var page = Math.Min(filter.Page, Math.Max(1, (total + ProjectFilter.PageSize - 1) / ProjectFilter.PageSize));
        var rows = await Rows(Ordered(filtered, filter).Skip((page - 1) * ProjectFilter.PageSize).Take(ProjectFilter.PageSize))
            .ToListAsync(ct);
        return new ProjectPage(rows, total, page, ProjectFilter.PageSize);
    }

    /// <summary>The whole filtered list (no paging) up to <paramref name="cap"/> rows, read as a stream.</summary>
    public IAsyncEnumerable<ProjectListRow> ExportRows(ProjectFilter filter, int cap) =>
        Rows(Ordered(Filtered(filter), filter).Take(cap)).AsAsyncEnumerable();

    public Task<BoardCard?> CardAsync(int id, CancellationToken ct = default) =>
        Cards(db.Projects.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<StageOption>> StagesAsync(CancellationToken ct = default) =>
        await db.Stages.AsNoTracking().OrderBy(s => s.Order)
            .Select(s => new StageOption(s.Id, s.Code, s.Order, s.NameZh, s.NameEn, s.RequiredFacts)).ToListAsync(ct);

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
            var (pattern, code) = (Pattern(term), term.ToUpperInvariant());
            query = db.Database.IsNpgsql()
                ? query.Where(e => e.Id == chosenId || EF.Functions.ILike(e.Name, pattern, "\\") || e.CreditCode == code)
                : query.Where(e => e.Id == chosenId || EF.Functions.Like(e.Name, pattern, "\\") || e.CreditCode == code);
        }

        return await query.OrderBy(e => e.Name).Take(30).Select(e => new Option(e.Id.ToString(), e.Name, null)).ToListAsync(ct);
    }

    private IQueryable<Project> Filtered(ProjectFilter f)
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
        if (f.Text is { } text)
        {
            var matching = Matching(text);
            query = query.Where(p => matching.Contains(p.Id));
        }

        return query;
    }

    /// <summary>
    /// Ids of the projects whose title, or whose enterprise's name, contains the text: one UNION of two index-friendly
    /// parts. A join with an OR across both tables would look up the enterprise of every project; an OR of two IN lists
    /// made PostgreSQL filter every row of the UpdatedAt index. For terms of three or more characters, PostgreSQL uses
    /// its trigram indexes (migration PostgresTrigramSearch) and SQLite its FTS5 trigram tables (SqliteTrigramSearch);
    /// shorter terms scan the Title and Name indexes (covering on SQLite).
    /// The title part skips the access filter (the outer query applies it) so that it stays index-only.
    /// </summary>
    private IQueryable<int> Matching(string text)
    {
        var pattern = Pattern(text);
        var projects = db.Projects.IgnoreQueryFilters();
        if (Sqlite && UsesTrigrams(text))
        {
            // FTS5 answers LIKE from its trigram index when the pattern has no escapes; its LIKE folds ASCII case like SQLite's.
            var titleIds = db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ProjectTitleSearch" WHERE "Title" LIKE {pattern}""");
            var nameIds = db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "EnterpriseNameSearch" WHERE "Name" LIKE {pattern}""");
            var visibleNames = db.Enterprises.Where(e => nameIds.Contains(e.Id)).Select(e => e.Id); // the enterprises' access filter
            return titleIds.Union(projects.Where(p => visibleNames.Contains(p.EnterpriseId)).Select(p => p.Id));
        }

        // PostgreSQL's LIKE is case-sensitive, so ILIKE, except for text without letter case (Chinese), where plain
        // LIKE gives the same rows without lower-casing every title (several times faster on a scan).
        var ilike = db.Database.IsNpgsql() && text.ToLowerInvariant() != text.ToUpperInvariant();
        var titles = ilike
            ? projects.Where(p => EF.Functions.ILike(p.Title, pattern, "\\"))
            : projects.Where(p => EF.Functions.Like(p.Title, pattern, "\\"));
        var names = ilike
            ? db.Enterprises.Where(e => EF.Functions.ILike(e.Name, pattern, "\\"))
            : db.Enterprises.Where(e => EF.Functions.Like(e.Name, pattern, "\\"));
        var enterprises = names.Select(e => e.Id);
        return titles.Select(p => p.Id).Union(projects.Where(p => enterprises.Contains(p.EnterpriseId)).Select(p => p.Id));
    }

    /// <summary>Three characters make a trigram; LIKE's own wildcards in the term need an ESCAPE that FTS5 does not index.</summary>
    private static bool UsesTrigrams(string term) => term.Length >= 3 && term.IndexOfAny(['%', '_', '\\']) < 0;

    /// <summary>"%term%" with the LIKE wildcards in the term taken literally.</summary>
    internal static string Pattern(string term) =>
        "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

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
