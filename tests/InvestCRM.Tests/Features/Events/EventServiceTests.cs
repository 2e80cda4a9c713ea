using InvestCRM.Features.Activities;
using InvestCRM.Features.Common;
using InvestCRM.Features.Events;
using InvestCRM.Tests.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace InvestCRM.Tests.Features.Events;

public sealed class EventServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 15, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string> Providers() => ActivityTestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Detail_lists_the_activities_and_projects_the_event_produced(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var staff = await t.AddUserAsync("张三");
        var enterprise = await t.AddEnterpriseAsync("北京中关村智能科技");
        t.SignIn(staff);
        var clock = new TestClock(Now);
        var activities = new ActivityService(t.NewContext(), clock);
        var created = await new EventService(t.NewContext(), activities).CreateAsync(new EventInput
        {
            Name = "创新中国行·中关村企业走进三明", Date = new DateOnly(2026, 5, 20), City = "三明",
        });
        var project = await t.AddProjectAsync(enterprise, staff, Now);
        project.EventId = created.Id;
        await t.Db.SaveChangesAsync();
        var linked = await activities.LogAsync(new ActivityInput { ProjectId = project.Id, Type = ActivityType.Event, Summary = "活动现场洽谈", EventId = created.Id });
        await activities.LogAsync(new ActivityInput { EnterpriseId = enterprise.Id, Summary = "与活动无关的电话" });

        var detail = await new EventService(t.NewContext(), new ActivityService(t.NewContext(), clock)).DetailAsync(created.Id);

        Assert.NotNull(detail);
        Assert.Equal("三明", detail.City);
        Assert.Equal(linked.Id, Assert.Single(detail.Activities).Id);
        var row = Assert.Single(detail.Projects);
        Assert.Equal(project.Id, row.Id);
        Assert.Equal("线索", row.StageNameZh);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_event_without_name_or_city_is_refused_and_nothing_is_written(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        t.SignIn(await t.AddUserAsync("张三"));
        var service = new EventService(t.NewContext(), new ActivityService(t.NewContext(), new TestClock(Now)));

        var outcome = await service.CreateAsync(new EventInput { Name = " ", City = "", Date = null });

        Assert.Equal(["Name", "City", "Date"], outcome.Problems.Select(p => p.Field));
        await using var check = t.NewContext();
        Assert.Equal(0, await check.Events.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Updating_a_missing_event_is_not_found(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        t.SignIn(await t.AddUserAsync("张三"));
        var service = new EventService(t.NewContext(), new ActivityService(t.NewContext(), new TestClock(Now)));

        var outcome = await service.UpdateAsync(999_999, new EventInput { Name = "活动", City = "三明", Date = new DateOnly(2026, 5, 20) });

        Assert.True(outcome.IsNotFound);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_event_with_the_name_of_another_on_the_same_day_is_refused(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        t.SignIn(await t.AddUserAsync("张三"));
        var service = new EventService(t.NewContext(), new ActivityService(t.NewContext(), new TestClock(Now)));
        EventInput Input(string name, DateOnly date) => new() { Name = name, City = "三明", Date = date };
        var day = new DateOnly(2026, 5, 20);

        var first = await service.CreateAsync(Input("Innovation China · 三明", day));
        var again = await service.CreateAsync(Input("  innovation china · 三明 ", day));
        var nextDay = await service.CreateAsync(Input("Innovation China · 三明", day.AddDays(1)));
        var other = await service.CreateAsync(Input("中关村企业走进三明", day));
        var renamedOnto = await service.UpdateAsync(other.Id, Input("Innovation China · 三明", day));
        var movedOnto = await service.UpdateAsync(nextDay.Id, Input("Innovation China · 三明", day));
        var unchanged = await service.UpdateAsync(first.Id, Input("Innovation China · 三明", day) with { Description = "说明" });

        Assert.True(first.Succeeded);
        Assert.Equal([new Problem("Event.Duplicate", "Name")], again.Problems);
        Assert.True(nextDay.Succeeded);
        Assert.True(other.Succeeded);
        Assert.Equal([new Problem("Event.Duplicate", "Name")], renamedOnto.Problems);
        Assert.Equal([new Problem("Event.Duplicate", "Name")], movedOnto.Problems);
        Assert.True(unchanged.Succeeded, string.Join(", ", unchanged.Problems.Select(p => p.Code)));
        await using var check = t.NewContext();
        Assert.Equal(3, await check.Events.CountAsync());
    }
}
