using InvestCRM.Data;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Demo;

/// <summary>A few referrals per demo incubator (pending, accepted, returned), added only where the incubator has none.</summary>
internal sealed class DemoReferrals(CrmDbContext db, ProjectService projects, TimeProvider clock)
{
    private sealed record Lead(string Enterprise, string Industry, string City, string Seeks, decimal Wan, ReferralStatus Status, string? Reason = null);

    private static readonly Dictionary<string, Lead[]> Leads = new()
    {
        ["北京"] =
        [
            new("北京碳谷新材料科技有限公司", "石墨烯", "北京", "中试基地用地与厂房，人才公寓", 8000, ReferralStatus.Pending),
            new("中关村氟链科技股份有限公司", "含氟新材料", "北京", "含氟精细化学品产业化，需危化品园区配套", 25000, ReferralStatus.Accepted),
            new("北京云医影像技术有限公司", "医学影像", "北京", "区域影像中心合作", 1500, ReferralStatus.Returned, "目前园区暂无医学影像方向的配套，请补充产业化计划后再推荐。"),
        ],
        ["上海"] =
        [
            new("上海锂源电池材料有限公司", "新能源电池材料", "上海", "正极材料扩产，需标准厂房约50亩", 30000, ReferralStatus.Pending),
            new("上海稀创磁材科技有限公司", "稀土新材料", "上海", "稀土永磁材料生产线落地", 12000, ReferralStatus.Accepted),
            new("上海智联电商服务有限公司", "电子商务", "上海", "区域运营中心与直播基地", 500, ReferralStatus.Returned, "项目规模与创新中心定位不符，建议对接县区电商园。"),
        ],
    };

    public async Task EnsureAsync(int planId, CancellationToken ct)
    {
        // Users may have edited the demo rows since they were loaded: whatever is no longer there is skipped.
        var owner = await db.Users.Where(u => u.Email == $"staff@{DemoOptions.EmailDomain}").Select(u => new { u.Id, u.TeamId }).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return;
        }

        foreach (var (city, leads) in Leads)
        {
            if (await db.Incubators.Where(i => i.PlanId == planId && i.City == city).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct) is not { } incubator)
            {
                continue;
            }

            var partner = await db.Users.Where(u => u.IncubatorId == incubator).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (partner is null || await db.Referrals.AnyAsync(r => r.IncubatorId == incubator, ct))
            {
                continue;
            }

            foreach (var lead in leads)
            {
                await AddAsync(lead, incubator, partner, owner.Id, owner.TeamId, ct);
            }
        }
    }

    private async Task AddAsync(Lead lead, int incubator, string partner, string ownerId, int? teamId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var referral = new ReferralInput { EnterpriseName = lead.Enterprise, Industry = lead.Industry, HqCity = lead.City, Seeks = lead.Seeks, PlannedInvestmentWan = lead.Wan }
            .ToReferral(incubator, partner, null, null, now);
        referral.Status = lead.Status;
        referral.ReturnReason = lead.Reason;
        if (lead.Status == ReferralStatus.Accepted)
        {
            var enterprise = new Enterprise { Name = lead.Enterprise, NormalizedName = EnterpriseName.Normalize(lead.Enterprise), Industry = lead.Industry, HqCity = lead.City, CreatedAt = now };
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync(ct);
            var project = await projects.CreateAsync(new ProjectInput
            {
                EnterpriseId = enterprise.Id, Title = lead.Enterprise, Source = ProjectSource.OffshoreIncubator, IncubatorId = incubator,
                OwnerId = ownerId, TeamId = teamId, PlannedInvestmentWan = lead.Wan,
            }, ct);
            referral.EnterpriseId = enterprise.Id;
            referral.ProjectId = project.Succeeded ? project.Id : throw new InvalidOperationException(string.Join(", ", project.Problems));
        }

        if (lead.Status != ReferralStatus.Pending)
        {
            referral.DecidedById = ownerId;
            referral.DecidedAt = now;
        }

        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
    }
}
