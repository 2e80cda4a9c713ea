using InvestCRM.Features.Activities;
using InvestCRM.Features.MyWork;
using Microsoft.Extensions.Options;
using Xunit;

namespace InvestCRM.Tests.Features.Activities;

public sealed class MyWorkTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string> Providers() => ActivityTestDatabase.Providers();

    private static MyWorkService Service(ActivityTestDatabase t, TimeProvider clock) =>
        new(t.NewContext(), clock, Options.Create(new MyWorkOptions { StaleDays = 30 }));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lists_overdue_follow_ups_and_stale_projects_but_not_fresh_ones(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var me = await t.AddUserAsync("张三");
        var stale = await t.AddProjectAsync(await t.AddEnterpriseAsync("久未联系科技"), me, Now.AddDays(-90), lastActivityAt: Now.AddDays(-45));
        var freshEnterprise = await t.AddEnterpriseAsync("新近拜访材料");
        var fresh = await t.AddProjectAsync(freshEnterprise, me, Now.AddDays(-90), lastActivityAt: Now.AddDays(-45));
        t.SignIn(me);
        var clock = new TestClock(Now.AddDays(-5));
        var overdue = await new ActivityService(t.NewContext(), clock).LogAsync(new ActivityInput
        {
            ProjectId = fresh.Id, Summary = "洽谈用地", NextStep = "报送用地需求", FollowUpOn = DateOnly.FromDateTime(Now.AddDays(-2).DateTime),
        });
        var later = await new ActivityService(t.NewContext(), clock).LogAsync(new ActivityInput
        {
            EnterpriseId = freshEnterprise.Id, Summary = "电话", FollowUpOn = DateOnly.FromDateTime(Now.AddDays(3).DateTime),
        });
        clock.Now = Now;

        var view = await Service(t, clock).ForCurrentUserAsync();

        Assert.True(overdue.Succeeded && later.Succeeded);
        Assert.Equal(new DateOnly(2026, 3, 10), view.Today);
        Assert.Equal(overdue.Id, Assert.Single(view.FollowUps).ActivityId);
        Assert.Equal(stale.Id, Assert.Single(view.Stale).Id);
        Assert.DoesNotContain(view.Stale, p => p.Id == fresh.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Completed_follow_ups_and_other_peoples_items_are_not_listed(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var me = await t.AddUserAsync("张三");
        var colleague = await t.AddUserAsync("李四");
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        t.SignIn(colleague);
        var clock = new TestClock(Now.AddDays(-3));
        var withMe = await new ActivityService(t.NewContext(), clock).LogAsync(new ActivityInput
        {
            EnterpriseId = enterprise.Id, Summary = "联合拜访", ParticipantIds = [me], FollowUpOn = DateOnly.FromDateTime(Now.AddDays(-1).DateTime),
        });
        await new ActivityService(t.NewContext(), clock).LogAsync(new ActivityInput
        {
            EnterpriseId = enterprise.Id, Summary = "单独拜访", FollowUpOn = DateOnly.FromDateTime(Now.AddDays(-1).DateTime),
        });
        t.SignIn(me);
        clock.Now = Now;

        var before = await Service(t, clock).ForCurrentUserAsync();
        var done = await new ActivityService(t.NewContext(), clock).CompleteFollowUpAsync(withMe.Id);
        var after = await Service(t, clock).ForCurrentUserAsync();

        Assert.Equal(withMe.Id, Assert.Single(before.FollowUps).ActivityId);
        Assert.True(done.Succeeded);
        Assert.Empty(after.FollowUps);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Stale_days_can_be_overridden_per_request(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var me = await t.AddUserAsync("张三");
        var project = await t.AddProjectAsync(await t.AddEnterpriseAsync("十天未联系"), me, Now.AddDays(-90), lastActivityAt: Now.AddDays(-10));
        t.SignIn(me);
        var clock = new TestClock(Now);

        var byDefault = await Service(t, clock).ForCurrentUserAsync();
        var weekly = await Service(t, clock).ForCurrentUserAsync(staleDays: 7);

        Assert.Empty(byDefault.Stale);
        Assert.Equal(30, byDefault.StaleDays);
        Assert.Equal(project.Id, Assert.Single(weekly.Stale).Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_full_own_list_still_shows_earlier_follow_ups_of_others_where_I_took_part(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var me = await t.AddUserAsync("张三");
        var colleague = await t.AddUserAsync("李四");
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        var today = DateOnly.FromDateTime(Now.DateTime);
        // 100 of my own (the cap), due on the 100 days before today.
        var own = Enumerable.Range(1, 100).Select(days => Open(enterprise.Id, me, today.AddDays(-days), [me])).ToList();
        var earlierWithMe = Open(enterprise.Id, colleague, today.AddDays(-150), [colleague, me]);
        var laterWithMe = Open(enterprise.Id, colleague, today, [colleague, me]);
        var earlierWithoutMe = Open(enterprise.Id, colleague, today.AddDays(-200), [colleague]);
        await using (var db = t.NewContext())
        {
            db.Activities.AddRange([.. own, earlierWithMe, laterWithMe, earlierWithoutMe]);
            await db.SaveChangesAsync();
        }

        t.SignIn(me);

        var view = await Service(t, new TestClock(Now)).ForCurrentUserAsync();

        Assert.Equal(100, view.FollowUps.Count);
        Assert.Equal(earlierWithMe.Id, view.FollowUps[0].ActivityId);
        Assert.Equal(view.FollowUps.OrderBy(f => f.FollowUpOn).Select(f => f.ActivityId), view.FollowUps.Select(f => f.ActivityId));
        Assert.DoesNotContain(view.FollowUps, f => f.ActivityId == laterWithMe.Id || f.ActivityId == earlierWithoutMe.Id);
        Assert.DoesNotContain(view.FollowUps, f => f.FollowUpOn == today.AddDays(-1));
    }

    private static Activity Open(int enterpriseId, string creator, DateOnly due, string[] participants) => new()
    {
        Summary = "跟进", EnterpriseId = enterpriseId, CreatedById = creator, CreatedAt = Now.UtcDateTime.AddDays(-300), OccurredAt = Now.UtcDateTime.AddDays(-300),
        FollowUpOn = due, Participants = participants.Select(u => new ActivityParticipant { UserId = u }).ToList(),
    };
}
