using System.Text.RegularExpressions;
using InvestCRM.Features.Activities;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.MyWork;

public abstract partial class MyWorkPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task A_due_follow_up_is_ticked_off_from_the_list()
    {
        var staff = await App.CreateUserAsync(Roles.Staff);
        var id = await AddDueFollowUpAsync(staff.Id);
        using var session = await App.SignedInSessionAsync(staff.Email, staff.Password);

        var before = await session.GetPageAsync("/my-work");
        using var done = await session.SubmitAsync("/my-work", $"/activities/{id}/follow-up-done", new Dictionary<string, string> { ["returnUrl"] = "/my-work" });
        var after = await session.GetPageAsync("/my-work");

        // One form and one token for the whole list, each button posting to its own follow-up.
        Assert.Contains($"formaction=\"/activities/{id}/follow-up-done\"", before);
        Assert.Single(Token().Matches(before[before.IndexOf("due-title", StringComparison.Ordinal)..before.IndexOf("stale-title", StringComparison.Ordinal)]));
        Assert.Equal("/my-work", WebSession.RedirectTarget(done));
        Assert.DoesNotContain($"/activities/{id}/follow-up-done", after);
        await using var db = App.Database.CreateContext(CurrentUser.System);
        Assert.True(await db.Activities.Where(a => a.Id == id).Select(a => a.FollowUpDone).SingleAsync(Ct));
    }

    private async Task<long> AddDueFollowUpAsync(string userId)
    {
        await using var db = App.Database.CreateContext(CurrentUser.System);
        var enterprise = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
        var activity = new Activity
        {
            Summary = "跟进测试", NextStep = $"报送用地需求-{Guid.NewGuid():N}", EnterpriseId = enterprise, CreatedById = userId,
            OccurredAt = DateTimeOffset.UtcNow.AddDays(-3), CreatedAt = DateTimeOffset.UtcNow.AddDays(-3),
            FollowUpOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), Participants = [new ActivityParticipant { UserId = userId }],
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync(Ct);
        return activity.Id;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"")]
    private static partial Regex Token();

    public sealed class Sqlite(SqliteApp app) : MyWorkPageTests(app), IClassFixture<SqliteApp>;
    public sealed class Postgres(PostgresApp app) : MyWorkPageTests(app), IClassFixture<PostgresApp>;
}
