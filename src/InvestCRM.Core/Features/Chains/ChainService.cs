using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Chains;

public sealed record ChainNodeRow(int Id, int ChainId, ChainSegment Segment, string Name, string? NameEn, int SortOrder);

public sealed record ChainDetail(int Id, int PlanId, string Name, string? NameEn, string? Description,
    int? ParkId, string? ParkName, string? ParkNameEn, int SortOrder, IReadOnlyList<ChainNodeRow> Nodes);

public sealed record ChainMap(PlanSummary Plan, IReadOnlyList<ChainDetail> Chains);

public sealed record ChainNodeDetail(ChainNodeRow Node, string ChainName, string? ChainNameEn);

/// <summary>Industry chains of a plan and their nodes: the map everyone reads, the edits admins make.</summary>
public sealed class ChainService(CrmDbContext db)
{
    /// <summary>Every chain of the plan (the current one when none is given) with its nodes in order.</summary>
    public async Task<ChainMap?> MapAsync(int? planId = null, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Current(planId)
            .Select(p => new PlanSummary(p.Id, p.Name, p.NameEn, p.StartYear, p.EndYear)).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var chains = await Details(db.IndustryChains.Where(c => c.PlanId == plan.Id)).ToListAsync(ct);
        return new ChainMap(plan, chains);
    }

    public async Task<ChainDetail?> FindAsync(int id, CancellationToken ct = default) =>
        await Details(db.IndustryChains.Where(c => c.Id == id)).FirstOrDefaultAsync(ct);

    public async Task<ChainNodeDetail?> FindNodeAsync(int id, CancellationToken ct = default) =>
        await db.ChainNodes.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new ChainNodeDetail(
                new ChainNodeRow(n.Id, n.ChainId, n.Segment, n.Name, n.NameEn, n.SortOrder), n.Chain!.Name, n.Chain.NameEn))
            .FirstOrDefaultAsync(ct);

    public async Task<Outcome> CreateAsync(int planId, ChainInput input, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return Outcome.NotFound();
        }

        var chain = new IndustryChain { PlanId = planId, Name = "" };
        return await SaveChainAsync(chain, input, ct);
    }

    public async Task<Outcome> UpdateAsync(int id, ChainInput input, CancellationToken ct = default) =>
        await db.IndustryChains.FirstOrDefaultAsync(c => c.Id == id, ct) is { } chain
            ? await SaveChainAsync(chain, input, ct)
            : Outcome.NotFound();

    public async Task<Outcome> AddNodeAsync(int chainId, ChainNodeInput input, CancellationToken ct = default) =>
        await db.IndustryChains.AnyAsync(c => c.Id == chainId, ct)
            ? await SaveNodeAsync(new ChainNode { ChainId = chainId, Name = "" }, input, ct)
            : Outcome.NotFound();

    public async Task<Outcome> UpdateNodeAsync(int id, ChainNodeInput input, CancellationToken ct = default) =>
        await db.ChainNodes.FirstOrDefaultAsync(n => n.Id == id, ct) is { } node
            ? await SaveNodeAsync(node, input, ct)
            : Outcome.NotFound();

    private async Task<Outcome> SaveChainAsync(IndustryChain chain, ChainInput input, CancellationToken ct)
    {
        var checks = await CheckAsync(chain, input, ct);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        chain.SortOrder = input.SortOrder ?? (chain.Id != 0 ? chain.SortOrder : await NextChainOrderAsync(chain.PlanId, ct));
        chain.Name = input.Name.Trim();
        chain.NameEn = InputChecks.Clean(input.NameEn);
        chain.Description = InputChecks.Clean(input.Description);
        chain.ParkId = input.ParkId;
        if (chain.Id == 0)
        {
            db.IndustryChains.Add(chain);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(chain.Id);
    }

    private async Task<Outcome> SaveNodeAsync(ChainNode node, ChainNodeInput input, CancellationToken ct)
    {
        var checks = await CheckAsync(node, input, ct);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        // Without a number, a node keeps its place, or goes last when it is new or changes segment.
        var keepsPlace = node.Id != 0 && node.Segment == input.Segment;
        node.SortOrder = input.SortOrder ?? (keepsPlace ? node.SortOrder : await NextNodeOrderAsync(node.ChainId, input.Segment, ct));
        node.Segment = input.Segment;
        node.Name = input.Name.Trim();
        node.NameEn = InputChecks.Clean(input.NameEn);
        if (node.Id == 0)
        {
            db.ChainNodes.Add(node);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(node.Id);
    }

    private async Task<InputChecks> CheckAsync(IndustryChain chain, ChainInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        var checks = new InputChecks()
            .Text(nameof(input.Name), input.Name, 200, required: true)
            .Text(nameof(input.NameEn), input.NameEn, 200)
            .Text(nameof(input.Description), input.Description, 2000)
            .When(input.SortOrder < 0, nameof(input.SortOrder), InputChecks.NotNegative);
        checks.When(await db.IndustryChains.AnyAsync(c => c.PlanId == chain.PlanId && c.Name == name && c.Id != chain.Id, ct),
            nameof(input.Name), InputChecks.NameTaken);
        checks.When(input.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park && p.PlanId == chain.PlanId, ct),
            nameof(input.ParkId), InputChecks.Unknown);
        return checks;
    }

    private async Task<InputChecks> CheckAsync(ChainNode node, ChainNodeInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        var checks = new InputChecks()
            .Defined(nameof(input.Segment), input.Segment)
            .Text(nameof(input.Name), input.Name, 200, required: true)
            .Text(nameof(input.NameEn), input.NameEn, 200)
            .When(input.SortOrder < 0, nameof(input.SortOrder), InputChecks.NotNegative);
        return checks.When(await db.ChainNodes.AnyAsync(n => n.ChainId == node.ChainId && n.Name == name && n.Id != node.Id, ct),
            nameof(input.Name), InputChecks.NameTaken);
    }

    private async Task<int> NextChainOrderAsync(int planId, CancellationToken ct) =>
        (await db.IndustryChains.Where(c => c.PlanId == planId).MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1;

    // Demo nodes are numbered segment × 100 + position, so a segment's first node starts its hundred.
    private async Task<int> NextNodeOrderAsync(int chainId, ChainSegment segment, CancellationToken ct) =>
        (await db.ChainNodes.Where(n => n.ChainId == chainId && n.Segment == segment).MaxAsync(n => (int?)n.SortOrder, ct)
            ?? (int)segment * 100 - 1) + 1;

    private IQueryable<ChainDetail> Details(IQueryable<IndustryChain> chains) =>
        from c in chains.AsNoTracking()
        join p in db.Parks on c.ParkId equals p.Id into parks
        from park in parks.DefaultIfEmpty()
        orderby c.SortOrder, c.Id
        select new ChainDetail(c.Id, c.PlanId, c.Name, c.NameEn, c.Description, c.ParkId,
            park == null ? null : park.Name, park == null ? null : park.NameEn, c.SortOrder,
            c.Nodes.OrderBy(n => n.Segment).ThenBy(n => n.SortOrder).ThenBy(n => n.Id)
                .Select(n => new ChainNodeRow(n.Id, n.ChainId, n.Segment, n.Name, n.NameEn, n.SortOrder)).ToList());
}
