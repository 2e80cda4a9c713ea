using System.Text.Json;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Events;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Teams;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Auditing;

public abstract class AuditTrailTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Creating_a_team_records_who_and_the_new_values()
    {
        var manager = await App.CurrentUserAsync(DemoAccounts.Manager);
        var name = $"审计测试组-{Guid.NewGuid():N}";

        var id = await AddTeamAsync(manager, name);

        var created = Assert.Single(await EntriesAsync(id));
        Assert.Equal(AuditAction.Created, created.Action);
        Assert.Equal(manager.UserId, created.UserId);
        Assert.Equal((null, name), Change(created, nameof(Team.Name)));
    }

    [Fact]
    public async Task Updating_a_team_records_old_and_new_values_of_changed_fields_only()
    {
        var manager = await App.CurrentUserAsync(DemoAccounts.Manager);
        var id = await AddTeamAsync(manager, $"审计测试组-{Guid.NewGuid():N}");
        var renamed = $"改名后的测试组-{Guid.NewGuid():N}";

        var oldName = await UpdateTeamAsync(manager, id, t => { t.Name = renamed; t.NameEn = "Audit team"; });
        await UpdateTeamAsync(manager, id, _ => { }); // no change, no entry

        var entries = await EntriesAsync(id);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        var updated = entries[1];
        Assert.Equal((oldName, renamed), Change(updated, nameof(Team.Name)));
        Assert.Equal((null, "Audit team"), Change(updated, nameof(Team.NameEn)));
        Assert.Equal(2, JsonDocument.Parse(updated.Changes).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task The_trail_names_referenced_records_and_marks_points_in_time()
    {
        var manager = await App.CurrentUserAsync(DemoAccounts.Manager);
        await using var db = App.Database.CreateContext(manager);
        var enterprise = new InvestCRM.Features.Enterprises.Enterprise { Name = $"审计名称测试有限公司{Guid.NewGuid():N}", NormalizedName = $"审计名称测试{Guid.NewGuid():N}" };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(Ct);
        var activity = new InvestCRM.Features.Activities.Activity
        {
            Summary = "审计测试", CreatedById = manager.UserId!, EnterpriseId = enterprise.Id, OccurredAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync(Ct);

        var created = Assert.Single(await new AuditLog(db).ForAsync("Activity", activity.Id.ToString(), ct: Ct));

        var changes = created.Changes.ToDictionary(c => c.Field);
        Assert.Equal($"{enterprise.Name} (#{enterprise.Id})", changes["EnterpriseId"].New);
        Assert.Equal(await db.Users.Where(u => u.Id == manager.UserId).Select(u => u.DisplayName).SingleAsync(Ct), changes["CreatedById"].New);
        Assert.True(changes["OccurredAt"].IsInstant);
        Assert.False(changes["Summary"].IsInstant);
    }

    [Fact]
    public async Task Days_are_recorded_as_yyyy_MM_dd_in_every_culture()
    {
        var manager = await App.CurrentUserAsync(DemoAccounts.Manager);
        await using var db = App.Database.CreateContext(manager);
        var crmEvent = new CrmEvent { Name = $"审计日期测试-{Guid.NewGuid():N}", City = "北京", Date = new DateOnly(2024, 3, 15) };
        db.Events.Add(crmEvent);
        await db.SaveChangesAsync(Ct);

        var key = crmEvent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(CrmEvent) && a.EntityId == key, Ct);

        Assert.Equal((null, "2024-03-15"), Change(created, nameof(CrmEvent.Date)));
    }

    private async Task<int> AddTeamAsync(CurrentUser user, string name)
    {
        await using var db = App.Database.CreateContext(user);
        var team = new Team { Name = name };
        db.Teams.Add(team);
        await db.SaveChangesAsync(Ct);
        return team.Id;
    }

    private async Task<string> UpdateTeamAsync(CurrentUser user, int id, Action<Team> change)
    {
        await using var db = App.Database.CreateContext(user);
        var team = await db.Teams.SingleAsync(t => t.Id == id, Ct);
        var before = team.Name;
        change(team);
        await db.SaveChangesAsync(Ct);
        return before;
    }

    private async Task<List<AuditEntry>> EntriesAsync(int teamId)
    {
        await using var db = App.Database.CreateContext();
        var key = teamId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.Where(a => a.EntityType == nameof(Team) && a.EntityId == key).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    /// <summary>The (old, new) pair recorded for one field; fails when the field is not in the entry.</summary>
    private static (string? Old, string? New) Change(AuditEntry entry, string field)
    {
        using var changes = JsonDocument.Parse(entry.Changes);
        var change = Assert.Single(changes.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == field);
        return (change.GetProperty("old").GetString(), change.GetProperty("new").GetString());
    }

    public sealed class Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
}
