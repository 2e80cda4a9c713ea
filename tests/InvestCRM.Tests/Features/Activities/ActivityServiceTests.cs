using InvestCRM.Features.Activities;
using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace InvestCRM.Tests.Features.Activities;

public sealed class ActivityServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(8));

    public static TheoryData<string> Providers() => ActivityTestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Quick_log_writes_one_activity_touches_the_project_and_is_audited(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var staff = await t.AddUserAsync("张三");
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        var project = await t.AddProjectAsync(enterprise, staff, Now.AddDays(-60));
        t.SignIn(staff);
        var service = new ActivityService(t.NewContext(), new TestClock(Now));

        var outcome = await service.QuickLogAsync(enterprise.Id, ActivityType.Visit, "  拜访总经理，意向明确  ", "寄送园区资料", new DateOnly(2026, 3, 20), project.Id);

        Assert.True(outcome.Succeeded, string.Join(",", outcome.Problems));
        await using var check = t.NewContext();
        var activity = await check.Activities.Include(a => a.Participants).SingleAsync();
        Assert.Equal(outcome.Id, activity.Id);
        Assert.Equal("拜访总经理，意向明确", activity.Summary);
        Assert.Equal(Now, activity.OccurredAt);
        Assert.Equal(enterprise.Id, activity.EnterpriseId);
        Assert.Equal(staff, Assert.Single(activity.Participants).UserId);
        var touched = await check.Projects.SingleAsync(p => p.Id == project.Id);
        Assert.Equal(Now, touched.LastActivityAt);
        Assert.Equal(new DateOnly(2026, 3, 20), touched.NextActionOn);
        Assert.Equal(project.Version + 1, touched.Version);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(Activity) && a.EntityId == activity.Id.ToString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Enterprise_is_taken_from_the_project_when_left_empty(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var staff = await t.AddUserAsync("张三");
        var enterprise = await t.AddEnterpriseAsync("厦钨新能源");
        var project = await t.AddProjectAsync(enterprise, staff, Now.AddDays(-1));
        t.SignIn(staff);

        var outcome = await new ActivityService(t.NewContext(), new TestClock(Now))
            .LogAsync(new ActivityInput { ProjectId = project.Id, Type = ActivityType.Call, Summary = "电话沟通" });

        Assert.True(outcome.Succeeded);
        await using var check = t.NewContext();
        Assert.Equal(enterprise.Id, (await check.Activities.SingleAsync()).EnterpriseId);
    }

    public static TheoryData<string, string> InvalidCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in ActivityTestDatabase.ProviderNames())
        {
            foreach (var name in new[] { "no-summary", "too-long", "no-target", "foreign-contact", "follow-up-before", "other-enterprise", "inactive-participant", "tomorrow" })
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Invalid_input_is_refused_and_changes_nothing(string provider, string name)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var staff = await t.AddUserAsync("张三");
        var retired = await t.AddUserAsync("李四", active: false);
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司", "王经理");
        var other = await t.AddEnterpriseAsync("福建石墨烯科技", "赵总");
        var project = await t.AddProjectAsync(enterprise, staff, Now.AddDays(-60));
        t.SignIn(staff);
        var audits = await t.Db.AuditEntries.CountAsync();
        var valid = new ActivityInput { EnterpriseId = enterprise.Id, ProjectId = project.Id, Summary = "拜访" };
        var (input, code) = name switch
        {
            "no-summary" => (valid with { Summary = "  " }, "Validation.Required"),
            "too-long" => (valid with { Summary = new string('字', ActivityInput.SummaryMax + 1) }, "Validation.TooLong"),
            "no-target" => (valid with { EnterpriseId = null, ProjectId = null }, "Rule.ActivityNeedsTarget"),
            "foreign-contact" => (valid with { ContactIds = [other.Contacts[0].Id] }, "Rule.ContactNotOfEnterprise"),
            "follow-up-before" => (valid with { OccurredAt = Now, FollowUpOn = new DateOnly(2026, 3, 9) }, "Rule.FollowUpBeforeActivity"),
            "other-enterprise" => (valid with { EnterpriseId = other.Id }, "Rule.ProjectNotOfEnterprise"),
            "tomorrow" => (valid with { OccurredAt = new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(8)) }, "Rule.ActivityInFuture"),
            _ => (valid with { ParticipantIds = [retired] }, "Rule.UnknownParticipant"),
        };

        var outcome = await new ActivityService(t.NewContext(), new TestClock(Now)).LogAsync(input);

        Assert.Contains(outcome.Problems, p => p.Code == code);
        await using var check = t.NewContext();
        Assert.Equal(0, await check.Activities.CountAsync());
        Assert.Equal(audits, await check.AuditEntries.CountAsync());
        var unchanged = await check.Projects.SingleAsync(p => p.Id == project.Id);
        Assert.Null(unchanged.LastActivityAt);
        Assert.Equal(project.Version, unchanged.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_contact_later_today_in_China_is_logged_and_one_saved_in_the_future_before_the_rule_can_still_be_edited(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var staff = await t.AddUserAsync("张三");
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        t.SignIn(staff);
        var tonight = new DateTimeOffset(2026, 3, 10, 23, 59, 0, TimeSpan.FromHours(8));
        var early = new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(8));
        var saved = new Activity { EnterpriseId = enterprise.Id, Summary = "预约拜访", CreatedById = staff, OccurredAt = early.ToUniversalTime(), CreatedAt = Now.ToUniversalTime() };
        t.Db.Activities.Add(saved);
        await t.Db.SaveChangesAsync();

        var logged = await new ActivityService(t.NewContext(), new TestClock(Now))
            .LogAsync(new ActivityInput { EnterpriseId = enterprise.Id, Summary = "晚间电话", Type = ActivityType.Call, OccurredAt = tonight });
        var kept = await new ActivityService(t.NewContext(), new TestClock(Now))
            .UpdateAsync(saved.Id, new ActivityInput { EnterpriseId = enterprise.Id, Summary = "预约拜访（改）" });
        var later = await new ActivityService(t.NewContext(), new TestClock(Now))
            .UpdateAsync(saved.Id, new ActivityInput { EnterpriseId = enterprise.Id, Summary = "预约拜访", OccurredAt = early.AddDays(1) });

        Assert.True(logged.Succeeded, string.Join(",", logged.Problems));
        Assert.True(kept.Succeeded, string.Join(",", kept.Problems));
        Assert.Equal([new Problem("Rule.ActivityInFuture", nameof(ActivityInput.OccurredAt))], later.Problems);
        await using var check = t.NewContext();
        Assert.Equal(early, (await check.Activities.SingleAsync(a => a.Id == saved.Id)).OccurredAt);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Only_the_author_or_leadership_may_edit(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var author = await t.AddUserAsync("张三");
        var colleague = await t.AddUserAsync("李四");
        var manager = await t.AddUserAsync("王主任", Roles.Manager);
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        t.SignIn(author);
        var logged = await new ActivityService(t.NewContext(), new TestClock(Now)).LogAsync(new ActivityInput { EnterpriseId = enterprise.Id, Summary = "初次拜访" });
        var edit = new ActivityInput { EnterpriseId = enterprise.Id, Summary = "初次拜访（补充）", OccurredAt = Now };

        t.SignIn(colleague);
        var refused = await new ActivityService(t.NewContext(), new TestClock(Now)).UpdateAsync(logged.Id, edit);
        t.SignIn(manager, Roles.Manager);
        var done = await new ActivityService(t.NewContext(), new TestClock(Now)).UpdateAsync(logged.Id, edit);

        Assert.Contains(refused.Problems, p => p.Code == "Rule.NotAllowed");
        Assert.True(done.Succeeded, string.Join(",", done.Problems));
        await using var check = t.NewContext();
        var activity = await check.Activities.Include(a => a.Participants).SingleAsync();
        Assert.Equal("初次拜访（补充）", activity.Summary);
        Assert.Equal(author, Assert.Single(activity.Participants).UserId);
    }
}
