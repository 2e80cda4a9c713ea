using InvestCRM.Features.Auditing;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Incubators;

public sealed class IncubatorStatusTests
{
    private static readonly CurrentUser Manager = new("manager-1", "王经理", new HashSet<string> { Roles.Manager }, null, null);

    [Theory]
    [InlineData(IncubatorStatus.Planned, IncubatorStatus.Signed, null, null)]
    [InlineData(IncubatorStatus.Planned, IncubatorStatus.Operating, null, "Rule.IncubatorStatusNotAllowed")]
    [InlineData(IncubatorStatus.Signed, IncubatorStatus.Operating, null, null)]
    [InlineData(IncubatorStatus.Operating, IncubatorStatus.Suspended, " ", "Rule.IncubatorNoteRequired")]
    [InlineData(IncubatorStatus.Operating, IncubatorStatus.Suspended, "运营方资金困难", null)]
    [InlineData(IncubatorStatus.Suspended, IncubatorStatus.Operating, null, null)]
    [InlineData(IncubatorStatus.Suspended, IncubatorStatus.Closed, null, "Rule.IncubatorNoteRequired")]
    [InlineData(IncubatorStatus.Closed, IncubatorStatus.Operating, "重新开放", "Rule.IncubatorStatusNotAllowed")]
    [InlineData(IncubatorStatus.Operating, IncubatorStatus.Operating, null, "Rule.IncubatorSameStatus")]
    [InlineData(IncubatorStatus.Operating, (IncubatorStatus)42, null, "Validation.UnknownChoice")]
    public void Rules_allow_the_life_cycle_and_ask_a_note_to_suspend_or_close(IncubatorStatus from, IncubatorStatus to, string? note, string? broken) =>
        Assert.Equal(broken, IncubatorStatusRules.Check(from, to, note));

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Every_change_is_a_history_step_and_an_audited_status_update(string provider)
    {
        await using var database = await ProjectTestDatabase.CreateAsync(provider);
        var id = await IncubatorFixture.AddIncubatorAsync(database, "北京孵化器", RegionCluster.BeijingTianjinHebei);
        database.User.Current = Manager;
        var service = IncubatorFixture.Service(database);

        Assert.True((await service.ChangeStatusAsync(id, IncubatorStatus.Signed, null)).Succeeded);
        Assert.True((await service.ChangeStatusAsync(id, IncubatorStatus.Operating, "  ")).Succeeded);
        Assert.True((await service.ChangeStatusAsync(id, IncubatorStatus.Suspended, " 运营方资金困难 ")).Succeeded);

        database.Db.ChangeTracker.Clear();
        var profile = await IncubatorFixture.Overview(database).ProfileAsync(id);
        Assert.Equal(IncubatorStatus.Suspended, profile!.Incubator.Status);
        Assert.Equal([IncubatorStatus.Suspended, IncubatorStatus.Operating, IncubatorStatus.Signed], profile.History.Select(s => s.To));
        Assert.Equal([IncubatorStatus.Operating, IncubatorStatus.Signed, IncubatorStatus.Planned], profile.History.Select(s => s.From));
        Assert.Equal("运营方资金困难", profile.History[0].Note);
        Assert.Null(profile.History[1].Note);
        Assert.All(profile.History, s => Assert.Equal("王经理", s.UserName));
        var audited = await AuditedStatusChangesAsync(database, id);
        Assert.Equal(3, audited.Count);
        Assert.All(audited, a => Assert.Equal("manager-1", a.UserId));
        Assert.Contains(audited, a => a.Changes.Contains("\"new\":\"Suspended\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_refused_change_changes_nothing(string provider)
    {
        await using var database = await ProjectTestDatabase.CreateAsync(provider);
        var id = await IncubatorFixture.AddIncubatorAsync(database, "上海孵化器", RegionCluster.YangtzeRiverDelta, IncubatorStatus.Operating);
        var service = IncubatorFixture.Service(database);

        database.User.Current = ProjectTestDatabase.Staff("staff-a", database.TeamA);
        var byStaff = await service.ChangeStatusAsync(id, IncubatorStatus.Suspended, "无权限");
        database.User.Current = Manager;
        var withoutNote = await service.ChangeStatusAsync(id, IncubatorStatus.Closed, "");
        var backwards = await service.ChangeStatusAsync(id, IncubatorStatus.Planned, "退回");
        var unknown = await service.ChangeStatusAsync(id + 1000, IncubatorStatus.Suspended, "不存在");

        Assert.Equal("Rule.NotAllowed", Assert.Single(byStaff.Problems).Code);
        Assert.Equal(new InvestCRM.Features.Common.Problem("Rule.IncubatorNoteRequired", "Note"), Assert.Single(withoutNote.Problems));
        Assert.Equal(new InvestCRM.Features.Common.Problem("Rule.IncubatorStatusNotAllowed", "To"), Assert.Single(backwards.Problems));
        Assert.True(unknown.IsNotFound);
        database.Db.ChangeTracker.Clear();
        Assert.Equal(IncubatorStatus.Operating, (await database.Db.Incubators.SingleAsync(i => i.Id == id)).Status);
        Assert.Equal(0, await database.Db.IncubatorStatusChanges.CountAsync());
        Assert.Empty(await AuditedStatusChangesAsync(database, id));
    }

    private static async Task<List<AuditEntry>> AuditedStatusChangesAsync(ProjectTestDatabase database, int id)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await database.Db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(OffshoreIncubator) && a.EntityId == key && a.Action == AuditAction.Updated)
            .OrderBy(a => a.Id).ToListAsync();
    }
}
