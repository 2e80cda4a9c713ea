using InvestCRM.Features.Chains;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Fixtures;

/// <summary>Chains a test adds to an app's database (the demo plan is the first one).</summary>
public static class ChainRows
{
    /// <summary>A chain of the first plan with one node per name, in 上游, 中游, 下游 in turn; its id and its nodes' ids in order.</summary>
    public static async Task<(int ChainId, int[] Nodes)> AddChainAsync(this TestDatabase database, string name, params string[] nodes)
    {
        await using var db = database.CreateContext();
        var chain = new IndustryChain { PlanId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), Name = name };
        chain.Nodes.AddRange(nodes.Select((n, i) => new ChainNode { Segment = (ChainSegment)(i % 3), Name = n }));
        db.IndustryChains.Add(chain);
        await db.SaveChangesAsync();
        return (chain.Id, chain.Nodes.Select(n => n.Id).ToArray());
    }
}
