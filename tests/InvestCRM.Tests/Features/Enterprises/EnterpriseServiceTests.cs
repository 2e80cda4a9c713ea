using InvestCRM.Data;
using InvestCRM.Features.Activities;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Enterprises;

public class EnterpriseServiceTests
{
    private static string Code(string body) => body + CreditCode.CheckCharacter(body);

    private static EnterpriseService Service(CrmDbContext db) => CoreServices.Enterprises(db);

    private static async Task<int> CreateAsync(TestDatabase database, EnterpriseInput input)
    {
        await using var db = database.Context();
        var outcome = await Service(db).CreateAsync(input, confirmedNotDuplicate: true);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems));
        return outcome.Id;
    }

    private static async Task<(int Enterprises, int Contacts, int Links, int Audits)> CountsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return (await db.Enterprises.CountAsync(), await db.Contacts.CountAsync(), await db.EnterpriseChainNodes.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_existing_credit_code_is_refused_even_when_confirmed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var code = Code("91350400MA3AB1234");
        var existing = await CreateAsync(database, new EnterpriseInput { Name = "三明氟材料有限公司", CreditCode = code });

        await using var db = database.Context();
        var outcome = await Service(db).CreateAsync(new EnterpriseInput { Name = "完全不同的公司", CreditCode = code.ToLowerInvariant() }, confirmedNotDuplicate: true);
        var candidates = await Service(db).FindDuplicatesAsync("完全不同的公司", code);

        Assert.Contains(outcome.Problems, p => p.Code == "Rule.CreditCodeTaken" && p.Field == "CreditCode");
        Assert.Equal(existing, Assert.Single(candidates).Id);
        Assert.True(candidates[0].SameCode);
        Assert.Equal(1, (await CountsAsync(database)).Enterprises);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_near_identical_name_asks_first_then_creates_when_confirmed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var existing = await CreateAsync(database, new EnterpriseInput { Name = "厦门厦钨新能源材料股份有限公司" });
        var input = new EnterpriseInput { Name = "厦门厦钨新能源材料（北京）有限公司" };

        await using var db = database.Context();
        var asked = await Service(db).CreateAsync(input, confirmedNotDuplicate: false);
        var candidates = await Service(db).FindDuplicatesAsync(input.Name, null);
        Assert.Equal("Rule.PossibleDuplicate", Assert.Single(asked.Problems).Code);
        Assert.Equal(existing, Assert.Single(candidates).Id);
        Assert.False(candidates[0].SameCode);
        Assert.Equal(1, (await CountsAsync(database)).Enterprises);

        var confirmed = await Service(db).CreateAsync(input, confirmedNotDuplicate: true);
        Assert.True(confirmed.Succeeded);
        Assert.NotEqual(existing, confirmed.Id);
        Assert.Equal(2, (await CountsAsync(database)).Enterprises);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_input_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var nodes = await database.AddChainAsync(2);
        var id = await CreateAsync(database, new EnterpriseInput { Name = "三明氟材料有限公司", ChainNodeIds = [nodes[0]] });
        var before = await CountsAsync(database);

        await using var db = database.Context();
        var service = Service(db);
        var badCode = await service.CreateAsync(new EnterpriseInput { Name = "新公司", CreditCode = "91350400MA3AB12340", ChainNodeIds = [nodes[1]] }, true);
        var noName = await service.CreateAsync(new EnterpriseInput { Name = " ", Website = "not a site" }, true);
        var tooLong = await service.UpdateAsync(id, 0, new EnterpriseInput { Name = new string('企', 201), ChainNodeIds = [nodes[1]] });
        var badNode = await service.UpdateAsync(id, 0, new EnterpriseInput { Name = "三明氟材料", ChainNodeIds = [nodes[1] + 1000] });
        var badContact = await service.AddContactAsync(id, new ContactInput { Name = "", Email = "no-at-sign" });

        Assert.Contains(badCode.Problems, p => p.Code == "Rule.CreditCodeInvalid");
        Assert.Contains(noName.Problems, p => p.Code == "Validation.Required" && p.Field == "Name");
        Assert.Contains(noName.Problems, p => p.Code == "Validation.Url" && p.Field == "Website");
        Assert.Contains(tooLong.Problems, p => p.Code == "Validation.TooLong" && p.Field == "Name");
        Assert.Contains(badNode.Problems, p => p.Code == "Rule.UnknownChainNode");
        Assert.Contains(badContact.Problems, p => p.Code == "Validation.Email");
        Assert.Equal(before, await CountsAsync(database));
        var stored = (await service.DetailAsync(id))!;
        Assert.Equal("三明氟材料有限公司", stored.Name);
        Assert.Equal([nodes[0]], stored.ChainNodes.Select(n => n.NodeId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_save_on_a_stale_version_is_a_conflict_and_keeps_the_other_save(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await CreateAsync(database, new EnterpriseInput { Name = "三明氟材料有限公司", Industry = "化工" });
        await using var first = database.Context();
        var read = (await Service(first).EditFormAsync(id))!;

        await using var other = database.Context();
        var theirs = await Service(other).UpdateAsync(id, read.Version, new EnterpriseInput { Name = read.Name, Industry = "新材料" });
        Assert.True(theirs.Succeeded);

        await using var mine = database.Context();
        var stale = await Service(mine).UpdateAsync(id, read.Version, new EnterpriseInput { Name = read.Name, Industry = "氟化工" });
        Assert.Equal("Rule.Concurrency", Assert.Single(stale.Problems).Code);

        await using var check = database.Context();
        var current = (await Service(check).EditFormAsync(id))!;
        Assert.Equal("新材料", current.Input.Industry);
        Assert.Equal(read.Version + 1, current.Version);

        // Keeping mine after seeing the conflict: resubmit against the current version.
        var kept = await Service(check).UpdateAsync(id, current.Version, new EnterpriseInput { Name = read.Name, Industry = "氟化工" });
        Assert.True(kept.Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Merge_moves_projects_contacts_activities_and_chain_nodes_and_is_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var nodes = await database.AddChainAsync(3);
        var code = Code("91350400MA3AB1234");
        var keep = await CreateAsync(database, new EnterpriseInput { Name = "三明氟材料有限公司", ChainNodeIds = [nodes[0], nodes[1]], Tags = "专精特新" });
        var merge = await CreateAsync(database, new EnterpriseInput
        {
            Name = "三明氟材料股份有限公司", CreditCode = code, Industry = "氟化工", ChainNodeIds = [nodes[1], nodes[2]], Tags = "高新技术企业",
        });
        await SeedDependentsAsync(database, merge);

        database.User.Current = TestUser.Admin;
        await using var db = database.Context();
        var outcome = await Service(db).MergeAsync(keep, merge, "同一企业重复录入");

        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems));
        await using var check = database.Context();
        Assert.False(await check.Enterprises.AnyAsync(e => e.Id == merge));
        Assert.Equal(2, await check.Projects.CountAsync(p => p.EnterpriseId == keep));
        Assert.Equal(1, await check.Contacts.CountAsync(c => c.EnterpriseId == keep));
        Assert.Equal(1, await check.Activities.CountAsync(a => a.EnterpriseId == keep));
        Assert.Equal(1, await check.Referrals.CountAsync(r => r.EnterpriseId == keep));
        Assert.Equal(nodes.Order(), (await check.EnterpriseChainNodes.Where(l => l.EnterpriseId == keep).Select(l => l.ChainNodeId).ToListAsync()).Order());
        var kept = await check.Enterprises.SingleAsync(e => e.Id == keep);
        Assert.Equal(code, kept.CreditCode);
        Assert.Equal("氟化工", kept.Industry);
        Assert.Equal("专精特新,高新技术企业", kept.Tags);
        var audit = await check.AuditEntries.SingleAsync(a => a.EntityType == "Enterprise" && a.EntityId == keep.ToString() && a.Action == AuditAction.Merged);
        Assert.Equal($"merged #{merge} 三明氟材料股份有限公司: 同一企业重复录入", audit.Note);
        Assert.Contains("\"field\":\"MovedProjects\",\"old\":null,\"new\":\"2\"", audit.Changes);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "Enterprise" && a.EntityId == merge.ToString() && a.Action == AuditAction.Deleted));
    }

    private static async Task SeedDependentsAsync(TestDatabase database, int enterpriseId)
    {
        await using var db = database.Context();
        var stage = await db.Stages.OrderBy(s => s.Order).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        db.Projects.AddRange(Enumerable.Range(1, 2).Select(i => new Project
        {
            EnterpriseId = enterpriseId, Title = "项目" + i, OwnerId = TestUser.Staff.UserId!, StageId = stage.Id, StageEnteredAt = now, CreatedAt = now, UpdatedAt = now,
        }));
        db.Contacts.Add(new Contact { EnterpriseId = enterpriseId, Name = "张经理" });
        db.Activities.Add(new Activity { EnterpriseId = enterpriseId, Summary = "首次拜访", CreatedById = TestUser.Staff.UserId!, OccurredAt = now, CreatedAt = now });
        var plan = new Plan { Name = "合并测试规划", StartYear = 2026, EndYear = 2030 };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var incubator = new OffshoreIncubator { PlanId = plan.Id, Name = "合并测试孵化器", City = "北京" };
        db.Incubators.Add(incubator);
        await db.SaveChangesAsync();
        // Marked duplicate of this firm at triage.
        var referral = new ReferralInput { EnterpriseName = "三明氟材料股份有限公司", Seeks = "厂房" }.ToReferral(incubator.Id, TestUser.Staff.UserId, null, null, now);
        (referral.Status, referral.EnterpriseId) = (ReferralStatus.Duplicate, enterpriseId);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_an_admin_may_merge_and_never_an_enterprise_with_itself(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keep = await CreateAsync(database, new EnterpriseInput { Name = "甲公司" });
        var merge = await CreateAsync(database, new EnterpriseInput { Name = "乙公司" });

        database.User.Current = TestUser.Manager;
        await using var asManager = database.Context();
        var refused = await Service(asManager).MergeAsync(keep, merge, "重复");

        database.User.Current = TestUser.Admin;
        await using var asAdmin = database.Context();
        var self = await Service(asAdmin).MergeAsync(keep, keep, "重复");
        var unknown = await Service(asAdmin).MergeAsync(keep, merge + 100, "重复");

        Assert.Equal("Rule.NotAllowed", Assert.Single(refused.Problems).Code);
        Assert.Equal("Rule.MergeSame", Assert.Single(self.Problems).Code);
        Assert.Equal("Rule.NotFound", Assert.Single(unknown.Problems).Code);
        Assert.Equal(2, (await CountsAsync(database)).Enterprises);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_named_in_an_activity_cannot_be_removed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await CreateAsync(database, new EnterpriseInput { Name = "甲公司" });
        await using var db = database.Context();
        var met = await Service(db).AddContactAsync(id, new ContactInput { Name = "张经理", Phone = "+86 591-1234 5678" });
        var unmet = await Service(db).AddContactAsync(id, new ContactInput { Name = "李总" });
        db.Activities.Add(new Activity
        {
            EnterpriseId = id, Summary = "拜访", CreatedById = TestUser.Staff.UserId!, OccurredAt = DateTimeOffset.UtcNow,
            ContactsMet = [new ActivityContact { ContactId = met.Id }],
        });
        await db.SaveChangesAsync();

        var refused = await Service(db).RemoveContactAsync(id, met.Id);
        var removed = await Service(db).RemoveContactAsync(id, unmet.Id);

        Assert.Equal("Rule.ContactInUse", Assert.Single(refused.Problems).Code);
        Assert.True(removed.Succeeded);
        Assert.Equal([met.Id], await db.Contacts.Select(c => c.Id).ToListAsync());
    }
}
