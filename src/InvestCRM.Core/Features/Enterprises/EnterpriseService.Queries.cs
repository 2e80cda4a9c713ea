using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Enterprises;

public sealed partial class EnterpriseService
{
    public const int PageSize = 20;

    /// <summary>Enterprises whose name or credit code contains <paramref name="query"/>, newest first.</summary>
    public Task<EnterprisePage> SearchAsync(string? query, int page, CancellationToken ct = default) =>
        SearchAsync(new EnterpriseSearch(query), page, ct);

    /// <summary>The enterprises the search finds, newest first, a page at a time.</summary>
    public async Task<EnterprisePage> SearchAsync(EnterpriseSearch search, int page, CancellationToken ct = default)
    {
        var rows = await MatchingAsync(search, ct);
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        // Ids grow with time, so the newest enterprise has the highest id.
        var list = await rows.OrderByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new EnterpriseRow(e.Id, e.Name, e.CreditCode, e.Industry, e.HqProvince, e.HqCity,
                db.Projects.Count(p => p.EnterpriseId == e.Id)))
            .ToListAsync(ct);
        return new EnterprisePage(list, total, page, PageSize);
    }

    /// <summary>The search's rule, shared by the list and its export; local as the chain map counts it.</summary>
    private async Task<IQueryable<Enterprise>> MatchingAsync(EnterpriseSearch search, CancellationToken ct)
    {
        var rows = db.Enterprises.AsNoTracking();
        if (search.LocalOnly)
        {
            rows = rows.Where(LocalFirms.Local(db, await progress.DefaultCountingStageAsync(ct)));
        }

        // Working in the node as the chain map counts it: linked to it, or with a project on it. Two uncorrelated id
        // lists, each read once from its node index (a per-firm EXISTS let SQLite scan the node's projects per firm).
        if (search.NodeId is { } node)
        {
            var linked = db.EnterpriseChainNodes.Where(l => l.ChainNodeId == node).Select(l => l.EnterpriseId);
            var withProject = db.Projects.Where(p => p.ChainNodeId == node).Select(p => p.EnterpriseId);
            rows = rows.Where(e => linked.Contains(e.Id) || withProject.Contains(e.Id));
        }

        if (string.IsNullOrWhiteSpace(search.Text))
        {
            return rows;
        }

        var text = search.Text.Trim();
        var code = CreditCode.Normalize(text);
        var normalized = EnterpriseName.Normalize(text);
        return rows.Where(e => e.Name.Contains(text) || (e.CreditCode != null && e.CreditCode.Contains(code))
            || (normalized != "" && e.NormalizedName.Contains(normalized)));
    }

    public async Task<EnterpriseDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var e = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        var nodes = await db.EnterpriseChainNodes.AsNoTracking().Where(l => l.EnterpriseId == id)
            .Join(db.ChainNodes, l => l.ChainNodeId, n => n.Id, (l, n) => n)
            .OrderBy(n => n.Chain!.SortOrder).ThenBy(n => n.ChainId).ThenBy(n => n.SortOrder)
            .Select(n => new ChainNodeLink(n.Id, n.Name, n.NameEn, n.ChainId, n.Chain!.Name, n.Chain.NameEn, n.Segment))
            .ToListAsync(ct);
        // Segments are stored as text; up-, mid-, downstream is their enum order, applied here (stable sort).
        var chainOrder = nodes.Select(n => n.ChainId).Distinct().ToList();
        nodes = nodes.OrderBy(n => chainOrder.IndexOf(n.ChainId)).ThenBy(n => n.Segment).ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.EnterpriseId == id).OrderBy(c => c.Id)
            .Select(c => new ContactRow(c.Id, c.Name, c.Title, c.Phone, c.Email, c.WeChat, c.Notes))
            .ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.EnterpriseId == id).OrderByDescending(p => p.Id)
            .Select(p => new EnterpriseProjectRow(p.Id, p.Title, p.Stage!.NameZh, p.Stage.NameEn, p.Status, p.PlannedInvestmentWan))
            .ToListAsync(ct);
        var tags = EnterpriseInput.NormalizeTags(e.Tags)?.Split(',') ?? [];
        return new EnterpriseDetail(e.Id, e.Name, e.CreditCode, e.Industry, e.HqProvince, e.HqCity, e.Size, e.Website,
            e.Description, tags, e.IsLocal, e.CreatedAt, e.Version, nodes, contacts, projects, await RecentActivitiesAsync(id, ct));
    }

    /// <summary>Activities logged on the enterprise itself or on one of its projects (the ones this user may see).</summary>
    private async Task<List<EnterpriseActivityRow>> RecentActivitiesAsync(int id, CancellationToken ct)
    {
        var visibleProjects = db.Projects.Where(p => p.EnterpriseId == id).Select(p => (int?)p.Id);
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.EnterpriseId == id || visibleProjects.Contains(a.ProjectId))
            .OrderByDescending(a => a.Id).Take(50)
            .Select(a => new EnterpriseActivityRow(a.Id, a.Type, a.OccurredAt, a.Summary, a.ProjectId))
            .ToListAsync(ct);
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return rows.OrderByDescending(a => a.OccurredAt).ToList();
    }

    public async Task<EnterpriseForm?> EditFormAsync(int id, CancellationToken ct = default)
    {
        var e = await db.Enterprises.AsNoTracking().Include(x => x.ChainNodes).FirstOrDefaultAsync(x => x.Id == id, ct);
        return e is null ? null : new EnterpriseForm(e.Id, e.Version, e.Name, EnterpriseInput.From(e));
    }

    /// <summary>The chains and their nodes, for the chain-node checkboxes.</summary>
    public async Task<IReadOnlyList<ChainOption>> ChainOptionsAsync(CancellationToken ct = default)
    {
        var chains = await db.IndustryChains.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new ChainOption(c.Id, c.Name, c.NameEn, c.Nodes.OrderBy(n => n.SortOrder)
                .Select(n => new ChainNodeOption(n.Id, n.Name, n.NameEn, n.Segment)).ToList()))
            .ToListAsync(ct);
        // Segments are stored as text, so their up-, mid-, downstream order is applied here.
        return chains.Select(c => c with { Nodes = c.Nodes.OrderBy(n => n.Segment).ToList() }).ToList();
    }

    public async Task<ContactForm?> ContactFormAsync(int enterpriseId, int contactId, CancellationToken ct = default)
    {
        var c = await db.Contacts.AsNoTracking().Include(x => x.Enterprise)
            .FirstOrDefaultAsync(x => x.Id == contactId && x.EnterpriseId == enterpriseId, ct);
        return c is null ? null : new ContactForm(c.Id, c.EnterpriseId, c.Enterprise!.Name, ContactInput.From(c));
    }
}
