using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>A new referral, from the portal or the API: made once however often its form is posted, and announced to the park.</summary>
public abstract partial class SubmissionTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Fact]
    public async Task Posting_the_portal_form_twice_makes_one_referral_and_both_posts_lead_to_it()
    {
        var incubator = await App.NewIncubatorAsync();
        var partner = await App.CreateUserAsync(Roles.Partner, incubator);
        using var portal = await App.SignedInSessionAsync(partner.Email, partner.Password);
        var key = IdempotencyKey().Match(await portal.GetPageAsync("/portal/referrals/new"));
        Assert.True(key.Success, "The form carries no idempotency key.");
        var fields = new Dictionary<string, string>
        {
            ["Input.EnterpriseName"] = "重复提交测试企业", ["Input.Seeks"] = "厂房", ["Input.IdempotencyKey"] = key.Groups[1].Value,
        };

        using var first = await portal.SubmitFormAsync("/portal/referrals/new", "referral", fields);
        using var second = await portal.SubmitFormAsync("/portal/referrals/new", "referral", fields);

        await using var db = App.Database.CreateContext();
        var referral = await db.Referrals.Where(r => r.IncubatorId == incubator).Select(r => r.Id).SingleAsync(Ct);
        Assert.Equal($"/portal/referrals/{referral}?submitted=true", WebSession.RedirectTarget(first));
        Assert.Equal(WebSession.RedirectTarget(first), WebSession.RedirectTarget(second));
        Assert.NotEqual(key.Groups[1].Value, IdempotencyKey().Match(await portal.GetPageAsync("/portal/referrals/new")).Groups[1].Value);
    }

    [Fact]
    public async Task A_new_referral_from_the_portal_or_the_api_tells_managers_and_admins_but_not_staff()
    {
        var incubator = await App.NewIncubatorAsync();
        var partner = await App.CreateUserAsync(Roles.Partner, incubator);
        var (manager, admin, staff) = (await App.CreateUserAsync(Roles.Manager), await App.CreateUserAsync(Roles.Admin), await App.CreateUserAsync(Roles.Staff));
        var (_, token) = await App.IssueKeyAsync(incubator);
        using var portal = await App.SignedInSessionAsync(partner.Email, partner.Password);

        using var posted = await portal.SubmitFormAsync("/portal/referrals/new", "referral", new Dictionary<string, string>
        {
            ["Input.EnterpriseName"] = "门户通知测试企业", ["Input.Seeks"] = "厂房",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(new { enterpriseName = "接口通知测试企业", seeks = "用地" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await App.ApiClient(token).SendAsync(request, Ct);

        Assert.True(WebSession.IsRedirect(posted), await WebSession.ReadTextAsync(posted));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using var db = App.Database.CreateContext();
        var referrals = await db.Referrals.Where(r => r.IncubatorId == incubator).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Ct);
        var links = referrals.Select(id => $"/referrals/{id}").ToList();
        foreach (var leader in new[] { manager, admin })
        {
            var notices = await db.Notifications.Where(n => n.UserId == leader.Id).OrderBy(n => n.Id).Select(n => new { n.MessageKey, n.Link }).ToListAsync(Ct);
            Assert.Equal(links, notices.Where(n => n.MessageKey == "Notice.ReferralSubmitted").Select(n => n.Link).ToList());
        }

        Assert.False(await db.Notifications.AnyAsync(n => n.UserId == staff.Id, Ct));
        using var session = await App.SignedInSessionAsync(manager.Email, manager.Password);
        var page = await session.GetPageAsync("/notifications");
        var incubatorName = await db.Incubators.Where(i => i.Id == incubator).Select(i => i.Name).SingleAsync(Ct);
        Assert.Contains(string.Format(UiText.Chinese("Notice.ReferralSubmitted"), "接口通知测试企业", incubatorName), page);
    }

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();

    public sealed class Sqlite(PartnerSqliteApp app) : SubmissionTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : SubmissionTests(app), IClassFixture<PartnerPostgresApp>;
}
