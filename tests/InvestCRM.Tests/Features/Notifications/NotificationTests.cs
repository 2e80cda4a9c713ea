using System.Text.RegularExpressions;
using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Notifications;
using InvestCRM.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Notifications;

/// <summary>Notices through the whole app: every page's bell counts a new one at once, and opening it clears it.</summary>
public abstract partial class NotificationTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task The_bell_counts_a_new_notice_at_once_and_drops_it_when_opened()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);
        Assert.Equal(0, Unread(await session.GetPageAsync("/account/password")));

        long id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var notice = new Notification { UserId = user.Id, MessageKey = Notifier.PartnerUpdate, Arguments = """["测试企业"]""", Link = "/projects", CreatedAt = DateTimeOffset.UtcNow };
            db.Notifications.Add(notice);
            await db.SaveChangesAsync(Ct);
            id = notice.Id;
        }

        Assert.Equal(1, Unread(await session.GetPageAsync("/account/password")));
        using var opened = await session.SubmitAsync("/notifications", $"/notifications/{id}/read", new Dictionary<string, string>());
        Assert.Equal("/projects", WebSession.RedirectTarget(opened));
        Assert.Equal(0, Unread(await session.GetPageAsync("/account/password")));
    }

    /// <summary>A notice sent when its message took fewer arguments than its text takes now still shows, with the rest empty.</summary>
    [Fact]
    public async Task A_notice_with_fewer_arguments_than_its_message_takes_still_shows()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.Notifications.Add(new Notification { UserId = user.Id, MessageKey = Notifier.PartnerUpdate, Link = "/projects", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        using var session = await App.SignedInSessionAsync(user.Email, user.Password);
        var page = await session.GetPageAsync("/notifications");

        Assert.Contains(string.Format(UiText.Chinese("Notice.PartnerUpdate"), ""), page);
    }

    private static int Unread(string page) => BellCount().Match(page) is { Success: true } count ? int.Parse(count.Groups[1].Value) : 0;

    [GeneratedRegex("""<span class="bell-count">(\d+)</span>""")]
    private static partial Regex BellCount();

    public sealed class Sqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
}
