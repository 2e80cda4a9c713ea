using System.Net;
using System.Net.Http.Json;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>A suspended or closed incubator refers nothing new, through the portal or the API, and keeps reading its referrals.</summary>
public abstract class InactiveIncubatorTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Theory]
    [InlineData(IncubatorStatus.Suspended, "Rule.IncubatorSuspended")]
    [InlineData(IncubatorStatus.Closed, "Rule.IncubatorClosed")]
    public async Task An_inactive_incubator_refers_nothing_new_and_still_reads_its_referrals(IncubatorStatus status, string reason)
    {
        var incubator = await App.NewIncubatorAsync();
        var partner = await App.CreateUserAsync(Roles.Partner, incubator);
        var (_, token) = await App.IssueKeyAsync(incubator);
        using var before = await PostAsync(token, "停用前推荐企业");
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        await SetStatusAsync(incubator, status);

        using var portal = await App.SignedInSessionAsync(partner.Email, partner.Password);
        var home = await portal.GetPageAsync("/portal");
        var form = await portal.GetPageAsync("/portal/referrals/new");
        using var posted = await portal.SubmitAsync("/portal", "/portal/referrals/new", new Dictionary<string, string>
        {
            ["_handler"] = "referral", ["Input.EnterpriseName"] = "停用后门户推荐企业", ["Input.Seeks"] = "用地",
        });
        using var api = await PostAsync(token, "停用后接口推荐企业");
        using var read = await App.ApiClient(token).GetAsync(before.Headers.Location!.OriginalString, Ct);

        Assert.DoesNotContain("href=\"/portal/referrals/new\"", home);
        Assert.Contains(UiText.Chinese(reason), home);
        Assert.Contains(UiText.Chinese(reason), form);
        Assert.DoesNotContain("Input.EnterpriseName", form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(UiText.Chinese(reason), await WebSession.ReadTextAsync(posted));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var problem = await api.Content.ReadAsStringAsync(Ct);
        Assert.Contains(UiText.Chinese("Api.Problem.IncubatorInactive.Title"), problem);
        Assert.Contains(UiText.Chinese(reason), problem);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await using var db = App.Database.CreateContext();
        Assert.Equal(["停用前推荐企业"], await db.Referrals.Where(r => r.IncubatorId == incubator).Select(r => r.EnterpriseName).ToListAsync(Ct));
    }

    [Fact]
    public async Task No_key_is_issued_for_a_closed_incubator()
    {
        var incubator = await App.NewIncubatorAsync();
        await SetStatusAsync(incubator, IncubatorStatus.Closed);
        var admin = await App.FindUserAsync(DemoAccounts.Admin);
        await using var db = App.Database.CreateContext(new CurrentUser(admin.Id, "admin", new HashSet<string> { Roles.Admin }, null, null));

        var (outcome, key) = await new ApiKeyService(db, TimeProvider.System).IssueAsync(new ApiKeyInput(incubator, "关闭后的密钥", null), Ct);

        Assert.Null(key);
        Assert.Contains(outcome.Problems, p => p.Code == "Rule.IncubatorClosedNoKey");
        Assert.NotEmpty(UiText.Chinese("Rule.IncubatorClosedNoKey"));
        Assert.False(await db.ApiKeys.AnyAsync(k => k.IncubatorId == incubator, Ct));
    }

    [Fact]
    public async Task The_key_page_offers_a_suspended_incubator_but_not_a_closed_one()
    {
        var (suspended, closed) = (await App.NewIncubatorAsync(), await App.NewIncubatorAsync());
        await SetStatusAsync(suspended, IncubatorStatus.Suspended);
        await SetStatusAsync(closed, IncubatorStatus.Closed);
        using var admin = await App.SignedInSessionAsync(DemoAccounts.Admin, DemoAccounts.Password);

        var page = await admin.GetPageAsync("/admin/api-keys");

        Assert.Contains($"<option value=\"{suspended}\"", page);
        Assert.DoesNotContain($"<option value=\"{closed}\"", page);
    }

    private async Task<HttpResponseMessage> PostAsync(string token, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(new { enterpriseName = name, seeks = "用地" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await App.ApiClient(token).SendAsync(request, Ct);
    }

    private async Task SetStatusAsync(int incubator, IncubatorStatus status)
    {
        await using var db = App.Database.CreateContext();
        await db.Incubators.Where(i => i.Id == incubator).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, status), Ct);
    }

    public sealed class Sqlite(PartnerSqliteApp app) : InactiveIncubatorTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : InactiveIncubatorTests(app), IClassFixture<PartnerPostgresApp>;
}
