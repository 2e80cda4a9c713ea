using InvestCRM.Features.Auditing;
using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Incubators;

public sealed class IncubatorContactTests
{
    private static readonly CurrentUser Admin = new("admin-1", "管理员", new HashSet<string> { Roles.Admin }, null, null);

    private static IncubatorContactInput Valid() => new() { Name = "陈主任", Title = "运营总监", Phone = "+86 010-8288 1234", Email = "chen@zgc-incubator.cn" };

    [Theory]
    [InlineData("", null, null, "Name", "Validation.Required")]
    [InlineData("陈主任", "call me", null, "Phone", "Validation.Phone")]
    [InlineData("陈主任", "12-3", null, "Phone", "Validation.Phone")]
    [InlineData("陈主任", "010+123456", null, "Phone", "Validation.Phone")]
    [InlineData("陈主任", null, "chen@", "Email", "Validation.Email")]
    [InlineData("陈主任", null, "陈主任 <chen@zgc.cn>", "Email", "Validation.Email")]
    [InlineData("陈主任", null, "chen@localhost", "Email", "Validation.Email")]
    public void Invalid_input_names_its_field_and_a_localised_message(string name, string? phone, string? email, string field, string code)
    {
        var problems = new IncubatorContactInput { Name = name, Phone = phone, Email = email }.Check();

        Assert.Equal(new Problem(code, field), Assert.Single(problems));
        Assert.NotEqual(code, InvestCRM.Tests.Fixtures.UiText.Chinese(code));
        Assert.NotEqual(InvestCRM.Tests.Fixtures.UiText.Chinese(code), InvestCRM.Tests.Fixtures.UiText.English(code));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Contacts_are_added_edited_and_removed_with_an_audit_trail(string provider)
    {
        await using var database = await ProjectTestDatabase.CreateAsync(provider);
        var id = await IncubatorFixture.AddIncubatorAsync(database, "深圳孵化器", RegionCluster.GreaterBayArea);
        database.User.Current = Admin;
        var service = IncubatorFixture.Service(database);

        var added = await service.AddContactAsync(id, Valid());
        var edited = await service.UpdateContactAsync(id, added.Id, new IncubatorContactInput { Name = " 陈主任 ", Phone = "13800138000" });
        database.Db.ChangeTracker.Clear();
        var profile = await IncubatorFixture.Overview(database).ProfileAsync(id);
        var removed = await service.RemoveContactAsync(id, added.Id);

        Assert.True(edited.Succeeded);
        Assert.Equal(new IncubatorContactRow(added.Id, "陈主任", null, "13800138000", null), Assert.Single(profile!.Contacts));
        Assert.True(removed.Succeeded);
        Assert.Equal(0, await database.Db.IncubatorContacts.CountAsync());
        var key = added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await database.Db.AuditEntries.Where(a => a.EntityType == nameof(IncubatorContact) && a.EntityId == key)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], actions);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Invalid_input_or_a_staff_member_changes_nothing(string provider)
    {
        await using var database = await ProjectTestDatabase.CreateAsync(provider);
        var id = await IncubatorFixture.AddIncubatorAsync(database, "成都孵化器", RegionCluster.ChengduChongqing);
        var other = await IncubatorFixture.AddIncubatorAsync(database, "重庆孵化器", RegionCluster.ChengduChongqing);
        database.User.Current = Admin;
        var service = IncubatorFixture.Service(database);
        var contact = (await service.AddContactAsync(id, Valid())).Id;
        var audits = await database.Db.AuditEntries.CountAsync();

        var badAdd = await service.AddContactAsync(id, new IncubatorContactInput { Name = "李四", Email = "not-an-email" });
        var badEdit = await service.UpdateContactAsync(id, contact, new IncubatorContactInput { Name = "", Phone = "abc" });
        var wrongIncubator = await service.UpdateContactAsync(other, contact, Valid());
        database.User.Current = ProjectTestDatabase.Staff("staff-a", database.TeamA);
        var byStaff = await service.AddContactAsync(id, Valid());
        var removeByStaff = await service.RemoveContactAsync(id, contact);

        Assert.Equal(new Problem("Validation.Email", "Email"), Assert.Single(badAdd.Problems));
        Assert.Equal(2, badEdit.Problems.Count);
        Assert.True(wrongIncubator.IsNotFound);
        Assert.Equal("Rule.NotAllowed", Assert.Single(byStaff.Problems).Code);
        Assert.Equal("Rule.NotAllowed", Assert.Single(removeByStaff.Problems).Code);
        database.Db.ChangeTracker.Clear();
        var stored = await database.Db.IncubatorContacts.AsNoTracking().SingleAsync();
        Assert.Equal(("陈主任", "+86 010-8288 1234", "chen@zgc-incubator.cn"), (stored.Name, stored.Phone, stored.Email));
        Assert.Equal(audits, await database.Db.AuditEntries.CountAsync());
    }
}
