using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;

namespace InvestCRM.Tests.Features.Incubators;

public sealed class IncubatorOverviewTests
{
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_page_sections_count_exactly(string provider)
    {
        await using var pipeline = await IncubatorPipeline.CreateAsync(provider);
        var overview = IncubatorFixture.Overview(pipeline.Database);
        var id = pipeline.Xiamen;

        var referrals = await overview.ReferralsAsync(id);
        var landed = await overview.LandedAsync(id);
        var activities = await overview.ActivitiesAsync(id);
        var partners = await overview.PartnerUsersAsync(id);

        Assert.Equal(["厦门退回企业", "厦门受理企业", "厦门待处理企业"], referrals.Select(r => r.EnterpriseName));
        Assert.Equal([ReferralStatus.Returned, ReferralStatus.Accepted, ReferralStatus.Pending], referrals.Select(r => r.Status));
        Assert.Equal(new Submitter(null, IncubatorPipeline.KeyPrefix), referrals[0].SubmittedBy);
        Assert.Equal(new Submitter("厦门伙伴", null), referrals[1].SubmittedBy);
        Assert.Equal(("签约", pipeline.P1), (referrals[1].StageNameZh, referrals[1].ProjectId));
        Assert.Null(referrals[2].StageNameZh);
        Assert.Equal(["项目P2", "项目P1"], landed.Select(l => l.Title).Order().Reverse());
        Assert.Equal(850, landed.Sum(l => l.InvestmentWan));
        Assert.Single(landed, l => l.IsExpansion);
        Assert.Equal(["洽谈投资协议", "首次走访"], activities.Select(a => a.Summary));
        Assert.Equal("厦门伙伴", Assert.Single(partners).Name);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Kpis_are_the_incubators_own_targets_against_the_ledger_or_its_counts(string provider)
    {
        await using var pipeline = await IncubatorPipeline.CreateAsync(provider);
        var overview = IncubatorFixture.Overview(pipeline.Database);

        var xiamen = await overview.KpisAsync(pipeline.Xiamen);
        var beijing = await overview.KpisAsync(pipeline.Beijing);

        Assert.Equal(new Figures(3, 1, 2, 2, 850), xiamen!.Counts);
        Assert.Equal([TargetMetric.ProjectsIntroduced, TargetMetric.InvestmentWan], xiamen.Targets.Select(t => t.Target.Metric));
        Assert.All(xiamen.Targets, t => Assert.Equal((TargetScope.Incubator, pipeline.Xiamen), (t.Target.Scope, t.Target.ScopeId)));
        Assert.Equal((2m, 4m, 50.0m), (xiamen.Targets[0].Actual, xiamen.Targets[0].Target.Value, xiamen.Targets[0].Percent));
        Assert.Equal(pipeline.ProjectsTarget, xiamen.Targets[0].Target.Id);
        Assert.Equal((850m, 50.0m), (xiamen.Targets[1].Actual, xiamen.Targets[1].Percent));
        Assert.Empty(beijing!.Targets);
        Assert.Equal(new Figures(0, 0, 1, 1, 300), beijing.Counts);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_list_totals_each_region_cluster(string provider)
    {
        await using var pipeline = await IncubatorPipeline.CreateAsync(provider);

        var list = await IncubatorFixture.Service(pipeline.Database).ListAsync(pipeline.PlanId);

        var fujian = list!.Regions.Single(r => r.Region == RegionCluster.FujianCoast);
        Assert.Equal(new Figures(3, 1, 2, 2, 850), fujian.Incubators.Single(i => i.Incubator.Id == pipeline.Xiamen).Figures);
        Assert.Equal(new Figures(1, 1, 1, 1, 1000), fujian.Incubators.Single(i => i.Incubator.Id == pipeline.Fuzhou).Figures);
        Assert.Equal(new Figures(4, 2, 3, 3, 1850), fujian.Totals);
        Assert.Equal(new Figures(0, 0, 1, 1, 300), list.Regions.Single(r => r.Region == RegionCluster.BeijingTianjinHebei).Totals);
        Assert.Equal(Enum.GetValues<RegionCluster>(), list.Regions.Select(r => r.Region));
        Assert.All(list.Regions.Where(r => r.Incubators.Count == 0), r => Assert.Equal(Figures.None, r.Totals));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_partner_gets_nothing_from_the_staff_sections(string provider)
    {
        await using var pipeline = await IncubatorPipeline.CreateAsync(provider);
        pipeline.Database.User.Current = new CurrentUser("partner-x", "厦门伙伴", new HashSet<string> { Roles.Partner }, null, pipeline.Xiamen);
        var overview = IncubatorFixture.Overview(pipeline.Database);

        Assert.Null(await overview.ProfileAsync(pipeline.Xiamen));
        Assert.Null(await overview.KpisAsync(pipeline.Xiamen));
        Assert.Empty(await overview.ReferralsAsync(pipeline.Xiamen));
        Assert.Empty(await overview.PartnerUsersAsync(pipeline.Xiamen));
    }
}
