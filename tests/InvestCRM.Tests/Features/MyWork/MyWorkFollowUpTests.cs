using InvestCRM.Data;
using InvestCRM.Features.Activities;
using InvestCRM.Features.MyWork;
using InvestCRM.Tests.Features.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xunit;

namespace InvestCRM.Tests.Features.MyWork;

/// <summary>
/// My work reads follow-ups from the participant rows' copy of them; these tests hold it to what the activities
/// themselves say (author or participant, open, due by today, earliest first) through every way a follow-up changes.
/// </summary>
public sealed class MyWorkFollowUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.DateTime);

    public static TheoryData<string> Providers() => ActivityTestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Author_and_participant_see_the_follow_up_until_it_is_done(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var (author, participant, outsider) = (await t.AddUserAsync("张三"), await t.AddUserAsync("李四"), await t.AddUserAsync("王五"));
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        t.SignIn(author);
        var logged = await Log(t, new ActivityInput { EnterpriseId = enterprise.Id, Summary = "联合拜访", ParticipantIds = [participant], FollowUpOn = Today.AddDays(-1) });

        var beforeAuthor = await FollowUpIdsAsync(t, author);
        var beforeParticipant = await FollowUpIdsAsync(t, participant);
        var beforeOutsider = await FollowUpIdsAsync(t, outsider);
        t.SignIn(participant);
        var done = await Service(t).CompleteFollowUpAsync(logged);

        Assert.True(done.Succeeded);
        Assert.Equal([logged], beforeAuthor);
        Assert.Equal([logged], beforeParticipant);
        Assert.Empty(beforeOutsider);
        Assert.Empty(await FollowUpIdsAsync(t, author));
        Assert.Empty(await FollowUpIdsAsync(t, participant));
        await AssertCopiesMatchAsync(t);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Editing_the_date_or_the_participants_moves_the_follow_up(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        var (author, colleague) = (await t.AddUserAsync("张三"), await t.AddUserAsync("李四"));
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        t.SignIn(author);
        var later = await Log(t, new ActivityInput { EnterpriseId = enterprise.Id, Summary = "电话", FollowUpOn = Today.AddDays(2) });
        var due = await Log(t, new ActivityInput { EnterpriseId = enterprise.Id, Summary = "拜访", FollowUpOn = Today.AddDays(-1) });

        var before = await FollowUpIdsAsync(t, author);
        await EditAsync(t, later, input => input with { FollowUpOn = Today.AddDays(-2), ParticipantIds = [colleague] });
        await EditAsync(t, due, input => input with { FollowUpOn = Today.AddDays(1) });

        Assert.Equal([due], before);
        Assert.Equal([later], await FollowUpIdsAsync(t, author));
        Assert.Equal([later], await FollowUpIdsAsync(t, colleague));
        await AssertCopiesMatchAsync(t);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task After_random_changes_every_user_sees_what_the_activities_say(string provider)
    {
        await using var t = await ActivityTestDatabase.CreateAsync(provider);
        string[] users = [await t.AddUserAsync("张三"), await t.AddUserAsync("李四"), await t.AddUserAsync("王五")];
        var enterprise = await t.AddEnterpriseAsync("三明氟材料有限公司");
        var random = new Random(7);
        var ids = new List<long>();
        for (var i = 0; i < 24; i++)
        {
            t.SignIn(users[random.Next(users.Length)]);
            DateOnly? followUp = random.Next(4) == 0 ? null : Today.AddDays(random.Next(-4, 3));
            var others = users.Where(_ => random.Next(3) == 0).ToList();
            ids.Add(await Log(t, new ActivityInput { EnterpriseId = enterprise.Id, Summary = $"拜访 {i}", FollowUpOn = followUp, ParticipantIds = others }));
        }

        for (var i = 0; i < 12; i++)
        {
            await ChangeAsync(t, users, ids[random.Next(ids.Count)], random);
        }

        foreach (var user in users)
        {
            await using var db = t.NewContext();
            Assert.Equal(await ExpectedAsync(db, user), await FollowUpIdsAsync(t, user));
        }

        await AssertCopiesMatchAsync(t);
    }

    /// <summary>Ticks off, moves the date, or changes who took part, as the author (who may do all three).</summary>
    private static async Task ChangeAsync(ActivityTestDatabase t, string[] users, long id, Random random)
    {
        await using (var db = t.NewContext())
        {
            t.SignIn(await db.Activities.Where(a => a.Id == id).Select(a => a.CreatedById).SingleAsync());
        }

        switch (random.Next(3))
        {
            case 0:
                await Service(t).CompleteFollowUpAsync(id);
                break;
            case 1:
                await EditAsync(t, id, input => input with { FollowUpOn = Today.AddDays(random.Next(-3, 3)) });
                break;
            default:
                await EditAsync(t, id, input => input with { ParticipantIds = users.Where(_ => random.Next(2) == 0).ToList() });
                break;
        }
    }

    private static ActivityService Service(ActivityTestDatabase t) => new(t.NewContext(), new TestClock(Now.AddDays(-5)));

    private static async Task<long> Log(ActivityTestDatabase t, ActivityInput input)
    {
        var outcome = await Service(t).LogAsync(input with { OccurredAt = Now.AddDays(-5) });
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems));
        return outcome.Id;
    }

    private static async Task EditAsync(ActivityTestDatabase t, long id, Func<ActivityInput, ActivityInput> change)
    {
        var detail = await Service(t).DetailAsync(id);
        var outcome = await Service(t).UpdateAsync(id, change(detail!.ToInput()));
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems));
    }

    private static async Task<IReadOnlyList<long>> FollowUpIdsAsync(ActivityTestDatabase t, string user)
    {
        var signedIn = t.User.Current;
        t.SignIn(user);
        var view = await new MyWorkService(t.NewContext(), new TestClock(Now), Options.Create(new MyWorkOptions())).ForCurrentUserAsync();
        t.User.Current = signedIn;
        return view.FollowUps.Select(f => f.ActivityId).ToList();
    }

    /// <summary>The definition, read from the activities themselves.</summary>
    private static async Task<IReadOnlyList<long>> ExpectedAsync(CrmDbContext db, string user) =>
        await db.Activities.Where(a => (a.CreatedById == user || a.Participants.Any(p => p.UserId == user))
                && a.FollowUpOn != null && a.FollowUpOn <= Today && !a.FollowUpDone)
            .OrderBy(a => a.FollowUpOn).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync();

    private static async Task AssertCopiesMatchAsync(ActivityTestDatabase t)
    {
        await using var db = t.NewContext();
        var rows = await db.ActivityParticipants.Join(db.Activities, p => p.ActivityId, a => a.Id, (p, a) => new { p, a }).ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal((r.a.FollowUpOn, r.a.FollowUpDone), (r.p.FollowUpOn, r.p.FollowUpDone)));
        Assert.All(await db.Activities.Select(a => new { a.CreatedById, Ids = a.Participants.Select(p => p.UserId).ToList() }).ToListAsync(),
            a => Assert.Contains(a.CreatedById, a.Ids));
    }
}
