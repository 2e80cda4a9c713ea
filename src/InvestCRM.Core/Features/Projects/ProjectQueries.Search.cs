using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

/// <summary>
/// The free-text filter: projects whose title, or whose enterprise's name, contains the text (LIKE semantics: SQLite
/// folds ASCII case, PostgreSQL uses ILIKE for text with letter case; wildcards in the text are literal).
/// <para>
/// It runs in two steps. First the ids of the matching projects are read from the search indexes alone, up to
/// <see cref="SearchIdLimit"/> of them; then the list counts and pages the filtered projects among those ids, which
/// the planners handle well, knowing how many there are. Asked in one statement, PostgreSQL guessed the size of the
/// match from LIKE statistics and scanned the Projects table twice (50–90 ms for 新能源 at 100,000 projects).
/// A term matching more projects than the limit (科技, 项目) is tested row by row instead, while the list walks its
/// order index and stops at the page: such matches are dense, so a page is found after few rows. Its count then
/// stops at <see cref="SearchCountCap"/> ("1,000+"), as counting tens of thousands of matches costs what a scan does.
/// </para>
/// Indexes (see <see cref="Ids"/>): SQLite reads its gram tables (migration ShortTermSearch) for one or two characters
/// and its FTS5 trigram tables (SqliteTrigramSearch) for three or more; PostgreSQL reads its character GIN indexes
/// (ShortTermSearch), or its trigram GIN indexes (PostgresTrigramSearch) for Latin terms, and checks the rows they give.
/// For users who see every enterprise, PostgreSQL reads title and name together (<see cref="SearchesTogether"/>).
/// One-character terms are indexed too (the character's own grams), so no term scans the tables.
/// </summary>
public sealed partial class ProjectQueries
{
    /// <summary>A text search matching up to this many projects is counted exactly, from their ids.</summary>
    public const int SearchIdLimit = 5000;

    /// <summary>A text search matching more projects than <see cref="SearchIdLimit"/> counts up to this many, then shows "1,000+".</summary>
    public const int SearchCountCap = 1000;

    /// <summary><see cref="SearchIdLimit"/>, smaller in tests that need a dense match without thousands of rows.</summary>
    internal int IdLimit { get; init; } = SearchIdLimit;

    /// <summary><see cref="SearchCountCap"/>, smaller in tests.</summary>
    internal int CountCap { get; init; } = SearchCountCap;

    /// <summary>The filter's text resolved to the ids of the matching projects (none when more than <see cref="IdLimit"/>).</summary>
    private async Task<TextMatch?> MatchAsync(ProjectFilter filter, CancellationToken ct)
    {
        if (filter.Text is not { } text)
        {
            return null;
        }

        // Enterprise names count only for users who may see enterprises: a partner sees none (CrmDbContext.ApplyAccessScope).
        var term = new SearchTerm(text);
        var names = Ids(SearchIndex.EnterpriseNames, term);
        names = db.User.IsPartner ? names.Where(_ => false) : names;
        var found = SearchesTogether(term)
            ? await db.Database.SqlQuery<MatchedProject>(TogetherSql(term)).ToListAsync(ct)
            : null;
        var ids = found?.ConvertAll(m => m.Id) ?? await Ids(SearchIndex.ProjectTitles, term).Take(IdLimit + 1)
            .Union(db.Projects.Where(p => names.Contains(p.EnterpriseId)).Select(p => p.Id).Take(IdLimit + 1))
            .ToListAsync(ct);
        return ids.Count > IdLimit
            ? new TextMatch(term, names, null, filter.Sort is "updated" or "title", null)
            : new TextMatch(term, names, ids, await WalksOrderAsync(filter, ids.Count, ct), found);
    }

    /// <summary>
    /// Whether the title and the enterprise's name are searched in one pass over the projects' "SearchText" column
    /// (PostgreSQL only, migration ProjectSearchText): for users who see every project and enterprise, with a term the
    /// character index answers (not Latin text of three letters or more, which the trigram indexes answer), without a
    /// line break, which separates the two texts in that column.
    /// </summary>
    private bool SearchesTogether(SearchTerm term) =>
        !Sqlite && !db.User.IsPartner && !(term.HasCase && term.Length >= 3) && !term.Text.Contains('\n');

    /// <summary>
    /// The matching projects with their UpdatedAt, up to one more than <see cref="IdLimit"/>: the rows the character
    /// index gives, checked with strpos as in <see cref="Ids"/>. A list of these needs no second reading of them to
    /// find its page (<see cref="PageOfMatch"/>). The title and the name searched apart read the matching projects
    /// twice, then a third time for the page: for the 2,761 matches of 新能源 at 100,000 projects PostgreSQL spent
    /// 16 ms of CPU per list that way, 6.6 ms this way (4 ms of it for this query).
    /// </summary>
    private FormattableString TogetherSql(SearchTerm term)
    {
        if (term.HasCase)
        {
            return $"""
                SELECT "Id", "UpdatedAt" FROM "Projects" WHERE string_to_array(lower("SearchText"), NULL) @> string_to_array(lower({term.Text}), NULL)
                AND strpos(lower("SearchText"), lower({term.Text})) > 0 LIMIT {IdLimit + 1}
                """;
        }

        return $"""
            SELECT "Id", "UpdatedAt" FROM "Projects" WHERE string_to_array(lower("SearchText"), NULL) @> string_to_array(lower({term.Text}), NULL)
            AND strpos("SearchText", {term.Text}) > 0 LIMIT {IdLimit + 1}
            """;
    }

    /// <summary>
    /// The ids of one page of a text-only list in UpdatedAt order, from the match itself (<see cref="TogetherSql"/>);
    /// null when the list has other filters, another order, or a match without UpdatedAt (read apart, or too large).
    /// </summary>
    private List<int>? PageOfMatch(ProjectFilter filter, TextMatch? match, int page)
    {
        if (match?.Found is not { } found || filter.Sort != "updated" || !TextOnly(filter, match))
        {
            return null;
        }

        var ordered = filter.Descending
            ? found.OrderByDescending(m => m.UpdatedAt).ThenByDescending(m => m.Id)
            : found.OrderBy(m => m.UpdatedAt).ThenBy(m => m.Id);
        return ordered.Skip((page - 1) * ProjectFilter.PageSize).Take(ProjectFilter.PageSize).Select(m => m.Id).ToList();
    }

    /// <summary>Whether nothing but the text narrows the list: the match alone gives its count (and, with UpdatedAt, its pages).</summary>
    private bool TextOnly(ProjectFilter filter, TextMatch? match) =>
        match is not null && (filter with { Text = null }).IsEmpty && !db.User.IsPartner;

    /// <summary>
    /// The projects of <paramref name="query"/> that match. The title ids come from raw SQL, which no query filter
    /// narrows: <paramref name="query"/> applies the projects' access filter. Nothing here may ignore query filters,
    /// as that would drop the enterprises' one too.
    /// </summary>
    private IQueryable<Project> Matching(IQueryable<Project> query, TextMatch match, bool page)
    {
        if (match.Ids is { } ids)
        {
            // One array parameter (json_each on SQLite, = ANY on PostgreSQL), not thousands of scalar ones. "+ 0" keeps
            // SQLite from looking the ids up one by one, so that it walks the order index instead (WalksOrderAsync).
            return page && match.WalkOrder
                ? query.Where(p => EF.Parameter(ids).Contains(p.Id + 0))
                : query.Where(p => EF.Parameter(ids).Contains(p.Id));
        }

        return page && match.WalkOrder ? RowByRow(query, match.Term) : AgainstNames(query, match);
    }

    /// <summary>
    /// A dense match read along an order index: the rows before the page is full are few, so each is tested against
    /// its own enterprise's name. A set of all matching enterprises would first read thousands of them (科技: 19,465).
    /// </summary>
    private IQueryable<Project> RowByRow(IQueryable<Project> query, SearchTerm term)
    {
        var pattern = term.Pattern;
        return Ilike(term)
            ? query.Where(p => EF.Functions.ILike(p.Title, pattern, "\\")
                || EF.Functions.ILike(db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault()!, pattern, "\\"))
            : query.Where(p => EF.Functions.Like(p.Title, pattern, "\\")
                || EF.Functions.Like(db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault(), pattern, "\\"));
    }

    /// <summary>A dense match counted, or read in an order no index gives: each row is tested against the set of matching enterprises.</summary>
    private IQueryable<Project> AgainstNames(IQueryable<Project> query, TextMatch match)
    {
        var (pattern, names) = (match.Term.Pattern, match.Names);
        return Ilike(match.Term)
            ? query.Where(p => EF.Functions.ILike(p.Title, pattern, "\\") || names.Contains(p.EnterpriseId))
            : query.Where(p => EF.Functions.Like(p.Title, pattern, "\\") || names.Contains(p.EnterpriseId));
    }

    /// <summary>
    /// The count of a list, and whether it stopped at the cap. When nothing but the text narrows the list, the match
    /// gives the count: its ids are the count, and a dense match exceeds the cap. Partners are the only users the
    /// access filter narrows (CrmDbContext.ApplyAccessScope). The cap grows with the page asked for, so that "next"
    /// keeps working past it.
    /// </summary>
    private async Task<(int Total, bool Capped)> CountAsync(IQueryable<Project> filtered, ProjectFilter filter, TextMatch? match, CancellationToken ct)
    {
        var textOnly = TextOnly(filter, match);
        if (match?.Ids is { } ids)
        {
            return (textOnly ? ids.Count : await filtered.CountAsync(ct), false);
        }

        if (match is null)
        {
            return (await filtered.CountAsync(ct), false);
        }

        var cap = Math.Max(CountCap, filter.Page * ProjectFilter.PageSize);
        if (textOnly && cap < IdLimit)
        {
            return (cap, true);
        }

        var counted = await filtered.Take(cap + 1).CountAsync(ct);
        return counted > cap ? (cap, true) : (counted, false);
    }

    /// <summary>
    /// Whether the page of matching ids is found by walking the UpdatedAt index rather than by reading every match.
    /// SQLite reads each match from outside its small page cache, a few µs apiece (10 ms for 2,765 matches); walking
    /// the index until the page is full costs 1 ms when matches are that common, but 12 ms when the walk has to cover
    /// every project. Walk when the expected walk (the rows before the page's end, spread over all projects; the
    /// highest id approximates their number) is under ten reads per match.
    /// PostgreSQL never walks: its prepared (generic) plan tests each walked row against the id array one element
    /// after another (12 ms for 2,761 ids, page 1), while reading every match through the primary key costs 5 ms.
    /// </summary>
    private async Task<bool> WalksOrderAsync(ProjectFilter filter, int matches, CancellationToken ct)
    {
        if (!Sqlite || filter.Sort != "updated" || matches < 100)
        {
            return false;
        }

        var projects = await db.Projects.IgnoreQueryFilters().MaxAsync(p => (int?)p.Id, ct) ?? 0;
        return (long)filter.Page * ProjectFilter.PageSize * projects < 10L * matches * matches;
    }

    /// <summary>
    /// The ids (column "Value") of the rows whose text contains the term, from the index that fits the term:
    /// <list type="bullet">
    /// <item>PostgreSQL, Latin text of three letters or more: the trigram index, as ILIKE (case-insensitive).</item>
    /// <item>PostgreSQL, otherwise: the character index, the rows it gives checked with strpos, which is LIKE with no
    /// wildcards (and ILIKE on lower-cased text). Not LIKE itself: the planner then also read the trigram index and
    /// rechecked both conditions on every row; and the character condition keeps it from scanning for common terms.</item>
    /// <item>SQLite: the gram tables for one or two characters, FTS5 for three or more, without reading the rows
    /// unless letter case matters.</item>
    /// </list>
    /// </summary>
    private IQueryable<int> Ids(SearchIndex index, SearchTerm term)
    {
        var (table, column, grams, key, fts) = index;
        var sql = !Sqlite
            ? term.HasCase && term.Length >= 3
                ? $$"""SELECT "Id" AS "Value" FROM "{{table}}" WHERE "{{column}}" ILIKE {1}"""
                : $$"""
                    SELECT "Id" AS "Value" FROM "{{table}}" WHERE string_to_array(lower("{{column}}"), NULL) @> string_to_array(lower({0}), NULL)
                    AND {{(term.HasCase ? $$"""strpos(lower("{{column}}"), lower({0}))""" : $$"""strpos("{{column}}", {0})""")}} > 0
                    """
            : term.Length switch
            {
                // The grams starting with the character: the character itself is a text's last gram.
                1 => $$"""SELECT DISTINCT "{{key}}" AS "Value" FROM "{{grams}}" WHERE "Gram" >= lower({0}) AND "Gram" < lower({0}) || char(1114111)""",
                2 => $$"""SELECT "{{key}}" AS "Value" FROM "{{grams}}" WHERE "Gram" = lower({0})""",
                // FTS5 folds all letter case, LIKE only ASCII's: LIKE checks what FTS5 finds when case matters.
                _ when term.HasCase => $$"""
                    SELECT "Id" AS "Value" FROM "{{table}}" WHERE "{{column}}" LIKE {1} ESCAPE '\'
                    AND "Id" IN (SELECT rowid FROM "{{fts}}" WHERE "{{fts}}" MATCH {2})
                    """,
                _ => $$"""SELECT rowid AS "Value" FROM "{{fts}}" WHERE "{{fts}}" MATCH {2}""",
            };
        return db.Database.SqlQuery<int>(FormattableStringFactory.Create(sql, term.Text, term.Pattern, term.Phrase));
    }

    // PostgreSQL's LIKE is case-sensitive, so ILIKE, except for text without letter case (Chinese), where plain LIKE
    // gives the same rows without lower-casing every candidate.
    private bool Ilike(SearchTerm term) => !Sqlite && term.HasCase;

    /// <summary>A searched text column and its indexes (the SQLite gram and FTS5 tables are named after it).</summary>
    private sealed record SearchIndex(string Table, string Column, string Grams, string Key, string Fts)
    {
        public static readonly SearchIndex ProjectTitles = new("Projects", "Title", "ProjectTitleGrams", "ProjectId", "ProjectTitleSearch");
        public static readonly SearchIndex EnterpriseNames = new("Enterprises", "Name", "EnterpriseNameGrams", "EnterpriseId", "EnterpriseNameSearch");
    }

    /// <summary>
    /// A resolved text filter: the query of the matching enterprises the user may see, the ids of the matching
    /// projects (null for a match too large to hold), and whether a page of them is found by walking the order index
    /// (<see cref="WalksOrderAsync"/>; for a dense match, whenever the order has an index).
    /// </summary>
    private sealed record TextMatch(SearchTerm Term, IQueryable<int> Names, List<int>? Ids, bool WalkOrder, List<MatchedProject>? Found);

    /// <summary>A row of <see cref="TogetherSql"/>.</summary>
    internal sealed class MatchedProject
    {
        public int Id { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
