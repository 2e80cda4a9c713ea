using InvestCRM.Data;
using InvestCRM.Features.Targets;
using InvestCRM.Features.Tracks;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Demo;

/// <summary>
/// The demo plan's 揭榜挂帅 list (after Nantong's "细分赛道揭榜挂帅" and Baiyin's list of key tracks, seeds 002 and 003): tracks
/// claimed by the bases and teams with commitments, reviewed, one claim withdrawn and open again, and tracks nobody holds yet.
/// Added through the service, so the reviews keep the figures the demo's ledger gives them. Skipped when the plan has tracks.
/// </summary>
internal sealed class DemoTracks(CrmDbContext db, TrackService tracks)
{
    private sealed record Spec(string Name, string Chain, string? Node, string Description, DateOnly Published);

    private sealed record ClaimSpec(TargetScope Scope, string Unit, string Leader, DateOnly On, DateOnly Due,
        int? Enterprises, decimal? Investment, decimal? Output, decimal? Tax);

    private static readonly (Spec Track, ClaimSpec? Claim, (DateOnly On, TrackVerdict Verdict, string Note)[] Reviews)[] List =
    [
        (new("氟化工新材料园中园", "含氟新材料", null, "围绕萤石—无水氟化氢—含氟精细化学品，打造明确四至的氟化工特色园中园。", new(2023, 3, 1)),
            new(TargetScope.Park, SanmingPlan.DevelopmentZone, "林建华（三明经济开发区管委会副主任）", new(2023, 4, 1), new(2026, 12, 31), 6, 80_000, 200_000, 10_000),
            [(new(2024, 12, 20), TrackVerdict.Pass, "年度考评：项目储备充足，含氟半导体材料环节仍需补链。"), (new(2025, 12, 18), TrackVerdict.Pass, "引进企业和税收符合进度，投资和产值偏慢，需加快在谈项目签约。")]),
        (new("锂电池电解液及添加剂", "新能源电池材料", "电解液", "瞄准电解液及新型锂盐添加剂头部企业，延伸电池材料链条。", new(2023, 3, 1)),
            new(TargetScope.Team, "新材料招商组", "陈志强（新材料招商组组长）", new(2023, 5, 1), new(2026, 6, 30), 5, 80_000, 150_000, 4_000),
            [(new(2024, 12, 20), TrackVerdict.Warning, "签约项目偏少，限期半年补足在谈项目。")]),
        (new("石墨烯储能与散热材料", "石墨和石墨烯", null, "依托永安石墨资源，发展石墨烯储能、散热材料及应用。", new(2023, 3, 1)),
            new(TargetScope.Park, SanmingPlan.Yongan, "郑晓东（永安市副市长）", new(2023, 6, 1), new(2027, 12, 31), 10, 70_000, 150_000, 8_000),
            []),
        (new("抗肿瘤创新药", "生物医药", "抗肿瘤药物", "承接京津冀、长三角创新药成果转化，建设金沙园抗肿瘤药物产业化基地。", new(2024, 1, 15)),
            new(TargetScope.Park, SanmingPlan.Biomedicine, "黄丽（金沙园管委会副主任）", new(2024, 2, 1), new(2026, 12, 31), 4, 60_000, 100_000, 2_500),
            []),
        (new("稀土永磁电机", "稀土新材料", "永磁电机", "以永磁电机为牵引，招引稀土永磁下游应用企业。", new(2023, 3, 1)),
            new(TargetScope.Team, "驻京招商小分队", "刘洋（驻京招商小分队队长）", new(2023, 4, 15), new(2025, 12, 31), 3, 50_000, 80_000, 2_000),
            [(new(2024, 6, 30), TrackVerdict.Warning, "一年未有项目签约。"), (new(2025, 3, 31), TrackVerdict.Withdrawn, "连续两次考评滞后，按\"有进有出\"原则撤销揭榜，赛道重新开放。")]),
        (new("跨境电商产业园", "电子商务", "跨境电商", "引进跨境电商平台和服务企业，面向厦门、福州口岸。", new(2025, 1, 10)), null, []),
        (new("芯片与传感器设计", "智能互联", "芯片与传感器", "承接中关村芯片设计企业在三明设立研发中心。", new(2025, 1, 10)), null, []),
    ];

    public async Task EnsureAsync(int planId, CancellationToken ct)
    {
        if (await db.Tracks.AnyAsync(t => t.PlanId == planId, ct))
        {
            return;
        }

        var chains = await db.IndustryChains.AsNoTracking().Where(c => c.PlanId == planId).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => n.Chain!.PlanId == planId).Select(n => new { n.Id, n.ChainId, n.Name }).ToListAsync(ct);
        var parks = await db.Parks.AsNoTracking().Where(p => p.PlanId == planId).ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        foreach (var (spec, claim, reviews) in List)
        {
            // A chain, link, park or team renamed since the demo was loaded: that track is left out.
            var chain = chains.FirstOrDefault(c => c.Name == spec.Chain);
            var node = nodes.FirstOrDefault(n => n.ChainId == chain?.Id && n.Name == spec.Node);
            if (chain is null || (spec.Node is not null && node is null))
            {
                continue;
            }

            var created = await tracks.CreateAsync(planId,
                new TrackInput { Name = spec.Name, ChainId = chain.Id, ChainNodeId = node?.Id, Description = spec.Description, PublishedOn = spec.Published }, ct);
            var units = claim?.Scope == TargetScope.Park ? parks : teams;
            if (!created.Succeeded || claim is null || !units.TryGetValue(claim.Unit, out var unit))
            {
                continue;
            }

            await tracks.ClaimAsync(created.Id, new ClaimInput
            {
                Scope = claim.Scope, UnitId = unit, LeaderName = claim.Leader, ClaimedOn = claim.On, DueOn = claim.Due,
                CommitEnterprises = claim.Enterprises, CommitInvestmentWan = claim.Investment, CommitOutputWan = claim.Output, CommitTaxWan = claim.Tax,
            }, ct);
            foreach (var (on, verdict, note) in reviews)
            {
                await tracks.ReviewAsync(created.Id, new ReviewInput { ReviewedOn = on, Verdict = verdict, Note = note }, ct);
            }
        }
    }
}
