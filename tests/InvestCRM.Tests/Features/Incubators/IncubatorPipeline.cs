using InvestCRM.Features.Activities;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Incubators;

/// <summary>
/// A small pipeline with hand-counted figures. 厦门 (Fujian coast): referrals pending, accepted (→ P1 signed 800) and
/// returned (by API key); P2 an expansion signed with an increment of 50; P3 a lead; two activities on P1; targets of
/// 4 projects and 1,700 万元. 福州 (Fujian coast): one accepted referral → P4 signed 1,000. 北京: P5 signed 300, no referrals.
/// </summary>
internal sealed class IncubatorPipeline : IAsyncDisposable
{
    public const string KeyPrefix = "a1b2c3d4e5f6";

    private IncubatorPipeline(ProjectTestDatabase database) => Database = database;

    public ProjectTestDatabase Database { get; }
    public int PlanId { get; private set; }
    public int Xiamen { get; private set; }
    public int Fuzhou { get; private set; }
    public int Beijing { get; private set; }
    public int P1 { get; private set; }
    public int ProjectsTarget { get; private set; }

    public static async Task<IncubatorPipeline> CreateAsync(string provider)
    {
        var pipeline = new IncubatorPipeline(await ProjectTestDatabase.CreateAsync(provider));
        await pipeline.BuildAsync();
        return pipeline;
    }

    private async Task BuildAsync()
    {
        var db = Database.Db;
        PlanId = await db.Plans.Select(p => p.Id).FirstAsync();
        Xiamen = await IncubatorFixture.AddIncubatorAsync(Database, "厦门孵化器", RegionCluster.FujianCoast, IncubatorStatus.Operating);
        Fuzhou = await IncubatorFixture.AddIncubatorAsync(Database, "福州孵化器", RegionCluster.FujianCoast);
        Beijing = await IncubatorFixture.AddIncubatorAsync(Database, "北京孵化器", RegionCluster.BeijingTianjinHebei);
        db.Users.Add(new ApplicationUser { Id = "partner-x", UserName = "x@test", Email = "x@test", DisplayName = "厦门伙伴", IncubatorId = Xiamen });
        var key = new ApiKey { IncubatorId = Xiamen, Name = "厦门系统", Prefix = KeyPrefix, SecretHash = new string('0', 64), CreatedById = "staff-a", CreatedAt = DateTimeOffset.UtcNow };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();

        P1 = await SignedAsync("P1", Xiamen, 800);
        await SignedAsync("P2", Xiamen, 900, expansionIncrement: 50);
        await ProjectAsync("P3", Xiamen, null);
        var p4 = await SignedAsync("P4", Fuzhou, 1000);
        await SignedAsync("P5", Beijing, 300);

        db.Referrals.AddRange(
            Referral(Xiamen, "厦门待处理企业", ReferralStatus.Pending, null, "partner-x", null),
            Referral(Xiamen, "厦门受理企业", ReferralStatus.Accepted, P1, "partner-x", null),
            Referral(Xiamen, "厦门退回企业", ReferralStatus.Returned, null, null, key.Id),
            Referral(Fuzhou, "福州受理企业", ReferralStatus.Accepted, p4, "staff-a", null));
        db.Activities.AddRange(Activity(P1, "首次走访", -3), Activity(P1, "洽谈投资协议", -1), Activity(p4, "福州走访", -2));
        var projects = new PlanTarget { PlanId = PlanId, Metric = TargetMetric.ProjectsIntroduced, Scope = TargetScope.Incubator, ScopeId = Xiamen, Period = TargetPeriod.CumulativeToPlanYear, Year = 5, Value = 4 };
        db.Targets.AddRange(projects,
            new PlanTarget { PlanId = PlanId, Metric = TargetMetric.InvestmentWan, Scope = TargetScope.Incubator, ScopeId = Xiamen, Period = TargetPeriod.CumulativeToPlanYear, Year = 5, Value = 1700 },
            new PlanTarget { PlanId = PlanId, Metric = TargetMetric.ProjectsIntroduced, Scope = TargetScope.Incubator, ScopeId = Fuzhou, Period = TargetPeriod.CumulativeToPlanYear, Year = 5, Value = 9 });
        await db.SaveChangesAsync();
        ProjectsTarget = projects.Id;
        db.ChangeTracker.Clear();
    }

    private static Referral Referral(int incubator, string name, ReferralStatus status, int? project, string? user, int? key)
    {
        var referral = new ReferralInput { EnterpriseName = name, Seeks = "用地" }.ToReferral(incubator, user, key, null, DateTimeOffset.UtcNow);
        (referral.Status, referral.ProjectId) = (status, project);
        return referral;
    }

    private static Activity Activity(int project, string summary, int days) => new()
    {
        Type = ActivityType.Visit, Summary = summary, ProjectId = project, OccurredAt = DateTimeOffset.UtcNow.AddDays(days),
        CreatedById = "staff-a", CreatedAt = DateTimeOffset.UtcNow,
    };

    private async Task<int> SignedAsync(string title, int incubator, decimal signed, decimal? expansionIncrement = null)
    {
        var id = await ProjectAsync(title, incubator, expansionIncrement);
        var project = await Database.Db.Projects.AsNoTracking().FirstAsync(p => p.Id == id);
        var move = new StageMove(Database.Stage("signed").Id, null)
        {
            Facts = new StageFacts { AgreementDate = DateOnly.FromDateTime(DateTime.UtcNow), SignedAmountWan = signed },
        };
        var outcome = await Database.Projects.MoveAsync(id, project.Version, move);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        Database.Db.ChangeTracker.Clear();
        return id;
    }

    private async Task<int> ProjectAsync(string title, int incubator, decimal? expansionIncrement)
    {
        var outcome = await Database.Projects.CreateAsync(new ProjectInput
        {
            EnterpriseId = await Database.EnterpriseAsync($"{title}企业有限公司"), Title = $"项目{title}", OwnerId = "staff-a",
            TeamId = Database.TeamA, IncubatorId = incubator, Source = ProjectSource.OffshoreIncubator,
            IsExpansion = expansionIncrement is not null, ExpansionIncrementWan = expansionIncrement,
        });
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        Database.Db.ChangeTracker.Clear();
        return outcome.Id;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
