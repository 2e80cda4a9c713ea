using System.Net;
using System.Net.Http.Json;
using InvestCRM.Tests.Fixtures;
using InvestCRM.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>
/// Every id-addressed route of the app, found in its EndpointDataSource, asked for a record of incubator B by a
/// partner of incubator A (cookie) and by A's API key: all 404. A new id route fails here until it is added to
/// <see cref="Routes"/> with a record of B to ask for.
/// </summary>
public abstract class CrossTenantTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    private enum Owner { PartnerB, Staff, KeyB }

    private sealed record Target(string Url, Owner Owner, Func<HttpContent>? Body = null);

    // Route pattern → the URL of a record of incubator B, and who may open it (the positive control).
    private static readonly Dictionary<string, Func<TenantRecords, Target>> Routes = new()
    {
        ["GET /portal/referrals/{Id:int}"] = b => new($"/portal/referrals/{b.ReferralId}", Owner.PartnerB),
        ["GET /referrals/{Id:int}"] = b => new($"/referrals/{b.ReferralId}", Owner.Staff),
        ["GET /attachments/{id:long}"] = b => new($"/attachments/{b.AttachmentId}", Owner.PartnerB),
        ["POST /portal/referrals/{id:int}/attachments"] = b => new($"/portal/referrals/{b.ReferralId}/attachments", Owner.PartnerB,
            () => PartnerData.FileForm("x.pdf", PartnerData.Pdf)),
        ["POST /notifications/{id:long}/read"] = b => new($"/notifications/{b.NotificationId}/read", Owner.PartnerB, () => new MultipartFormDataContent()),
        ["POST /admin/api-keys/{id:int}/revoke"] = b => new($"/admin/api-keys/{b.ApiKeyId}/revoke", Owner.Staff, () => new MultipartFormDataContent()),
        ["GET /api/v1/referrals/{id:int}"] = b => new($"/api/v1/referrals/{b.ReferralId}", Owner.KeyB),

        // Staff pages around incubator B's project: partners of A (and keys) must learn nothing from them.
        ["GET /projects/{Id:int}"] = b => new($"/projects/{b.ProjectId}", Owner.Staff),
        ["GET /projects/{Id:int}/edit"] = b => new($"/projects/{b.ProjectId}/edit", Owner.Staff),
        ["POST /projects/{id:int}/attachments"] = b => new($"/projects/{b.ProjectId}/attachments", Owner.Staff, () => PartnerData.FileForm("x.pdf", PartnerData.Pdf)),
        ["POST /projects/{id:int}/move"] = b => new($"/projects/{b.ProjectId}/move", Owner.Staff, () => Form(("toStageId", "1"), ("version", "0"))),
        ["GET /enterprises/{Id:int}"] = b => new($"/enterprises/{b.Staff.EnterpriseId}", Owner.Staff),
        ["GET /enterprises/{Id:int}/edit"] = b => new($"/enterprises/{b.Staff.EnterpriseId}/edit", Owner.Staff),
        ["GET /enterprises/{Id:int}/merge"] = b => new($"/enterprises/{b.Staff.EnterpriseId}/merge", Owner.Staff),
        ["GET /enterprises/{EnterpriseId:int}/contacts/{ContactId:int}"] = b => new($"/enterprises/{b.Staff.EnterpriseId}/contacts/{b.Staff.ContactId}", Owner.Staff),
        ["GET /activities/{Id:long}"] = b => new($"/activities/{b.Staff.ActivityId}", Owner.Staff),
        ["GET /activities/{Id:long}/edit"] = b => new($"/activities/{b.Staff.ActivityId}/edit", Owner.Staff),
        ["POST /activities/{id:long}/follow-up-done"] = b => new($"/activities/{b.Staff.ActivityId}/follow-up-done", Owner.Staff, () => new MultipartFormDataContent()),
        ["GET /ledger/entries/{Id:long}"] = b => new($"/ledger/entries/{b.Staff.LedgerEntryId}", Owner.Staff),
        ["GET /events/{Id:int}"] = b => new($"/events/{b.Staff.EventId}", Owner.Staff),
        ["GET /events/{Id:int}/edit"] = b => new($"/events/{b.Staff.EventId}/edit", Owner.Staff),
        ["GET /incubators/{Id:int}"] = b => new($"/incubators/{b.IncubatorId}", Owner.Staff),
        ["GET /incubators/{Id:int}/edit"] = b => new($"/incubators/{b.IncubatorId}/edit", Owner.Staff),
        ["GET /incubators/{IncubatorId:int}/contacts/{ContactId:int}"] = b => new($"/incubators/{b.IncubatorId}/contacts/{b.Staff.IncubatorContactId}", Owner.Staff),
        ["GET /chains/{Id:int}"] = b => new($"/chains/{b.Staff.ChainId}", Owner.Staff),
        ["GET /chains/{Id:int}/edit"] = b => new($"/chains/{b.Staff.ChainId}/edit", Owner.Staff),
        ["GET /chains/{ChainId:int}/nodes/new"] = b => new($"/chains/{b.Staff.ChainId}/nodes/new", Owner.Staff),
        ["GET /chain-nodes/{Id:int}"] = b => new($"/chain-nodes/{b.Staff.NodeId}", Owner.Staff),
        ["GET /chain-nodes/{id:int}/export"] = b => new($"/chain-nodes/{b.Staff.NodeId}/export", Owner.Staff),
        ["GET /chain-nodes/{Id:int}/edit"] = b => new($"/chain-nodes/{b.Staff.NodeId}/edit", Owner.Staff),
        ["GET /tracks/{Id:int}"] = b => new($"/tracks/{b.Staff.TrackId}", Owner.Staff),
        ["GET /tracks/{Id:int}/edit"] = b => new($"/tracks/{b.Staff.TrackId}/edit", Owner.Staff),
        ["GET /tracks/{Id:int}/claim"] = b => new($"/tracks/{b.Staff.TrackId}/claim", Owner.Staff),
        ["GET /tracks/{Id:int}/review"] = b => new($"/tracks/{b.Staff.TrackId}/review", Owner.Staff),
        ["GET /targets/{Id:int}"] = b => new($"/targets/{b.Staff.TargetId}", Owner.Staff),
        ["GET /targets/{Id:int}/edit"] = b => new($"/targets/{b.Staff.TargetId}/edit", Owner.Staff),
        ["GET /admin/plans/{Id:int}"] = b => new($"/admin/plans/{b.Staff.PlanId}", Owner.Staff),
        ["GET /admin/plans/{Id:int}/edit"] = b => new($"/admin/plans/{b.Staff.PlanId}/edit", Owner.Staff),
        ["GET /admin/plans/{PlanId:int}/parks/new"] = b => new($"/admin/plans/{b.Staff.PlanId}/parks/new", Owner.Staff),
        ["GET /admin/parks/{Id:int}/edit"] = b => new($"/admin/parks/{b.Staff.ParkId}/edit", Owner.Staff),
        ["GET /admin/teams/{Id:int}"] = b => new($"/admin/teams/{b.Staff.TeamId}", Owner.Staff),
        ["GET /admin/teams/{Id:int}/edit"] = b => new($"/admin/teams/{b.Staff.TeamId}/edit", Owner.Staff),
        ["GET /admin/stages/{Id:int}"] = b => new($"/admin/stages/{b.Staff.StageId}", Owner.Staff),
        ["GET /admin/stages/{Id:int}/edit"] = b => new($"/admin/stages/{b.Staff.StageId}/edit", Owner.Staff),
        ["GET /admin/users/{Id}/edit"] = b => new($"/admin/users/{b.Staff.UserId}/edit", Owner.Staff),
        ["GET /admin/users/{Id}/password"] = b => new($"/admin/users/{b.Staff.UserId}/password", Owner.Staff),
        ["GET /api/v1/referrals/{id:int}/stages"] = b => new($"/api/v1/referrals/{b.ReferralId}/stages", Owner.KeyB),
        ["POST /api/v1/referrals/{id:int}/updates"] = b => new($"/api/v1/referrals/{b.ReferralId}/updates", Owner.KeyB,
            () => JsonContent.Create(new { text = "from A" })),
        ["POST /api/v1/referrals/{id:int}/attachments"] = b => new($"/api/v1/referrals/{b.ReferralId}/attachments", Owner.KeyB,
            () => PartnerData.FileForm("x.pdf", PartnerData.Pdf)),
    };

    /// <summary>Method and pattern of every endpoint with an id-like route parameter.</summary>
    private List<string> IdRoutes() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{Method(e)} {e.RoutePattern.RawText}").Distinct().ToList();

    private static string Method(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods && !methods.Contains("GET")
            ? methods[0]
            : "GET";

    [Fact]
    public void Every_id_route_has_a_record_of_another_incubator_to_ask_for()
    {
        var unknown = IdRoutes().Where(r => !Routes.ContainsKey(r)).ToList();

        Assert.True(unknown.Count == 0, "Add these routes to CrossTenantTests.Routes: " + string.Join(", ", unknown));
        Assert.Contains("GET /api/v1/referrals/{id:int}", IdRoutes());
    }

    [Fact]
    public async Task Partner_and_api_key_of_one_incubator_get_404_for_every_record_of_another()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        var b = await App.TenantAsync("上海", DemoAccounts.PartnerShanghai);
        using var partnerA = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);
        var tokenA = await partnerA.TokenAsync("/portal");
        using var keyA = App.ApiClient(a.ApiKey);
        var before = await CountsAsync(b);

        foreach (var route in IdRoutes().Where(Routes.ContainsKey))
        {
            var target = Routes[route](b);
            // Each credential only works where it is accepted: a cookie is no credential for /api (401), a key none for pages.
            var api = target.Url.StartsWith("/api/");
            var keyRoute = api || target.Url.StartsWith("/attachments/");
            using var byCookie = await SendAsync(partnerA.Client, route, target, tokenA);
            Assert.True(byCookie.StatusCode == (api ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
                $"Partner A on {route} {target.Url}: {(int)byCookie.StatusCode}");
            using var byKey = await SendAsync(keyA, route, target, null);
            Assert.True(byKey.StatusCode == (keyRoute ? HttpStatusCode.NotFound : HttpStatusCode.Unauthorized),
                $"Key A on {route} {target.Url}: {(int)byKey.StatusCode}");
        }

        Assert.Equal(before, await CountsAsync(b));
        await AssertUntouchedAsync(b);
    }

    [Fact]
    public async Task The_records_asked_for_exist_and_their_owners_can_open_them()
    {
        var b = await App.TenantAsync("上海", DemoAccounts.PartnerShanghai);
        using var partnerB = await App.SignedInSessionAsync(DemoAccounts.PartnerShanghai, DemoAccounts.Password);
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Admin, DemoAccounts.Password);
        using var keyB = App.ApiClient(b.ApiKey);

        foreach (var route in Routes.Keys.Where(r => r.StartsWith("GET ")))
        {
            var target = Routes[route](b);
            var client = target.Owner switch { Owner.PartnerB => partnerB.Client, Owner.Staff => staff.Client, _ => keyB };
            using var response = await client.GetAsync(target.Url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Owner on {target.Url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Partner_gets_404_from_every_staff_route()
    {
        using var partner = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);
        var b = await App.TenantAsync("上海", DemoAccounts.PartnerShanghai);
        var staffPolicies = new[] { Policies.Internal, Policies.Leadership, Policies.Admin };
        var staffRoutes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => staffPolicies.Contains(a.Policy)))
            .Select(e => (Route: $"{Method(e)} {e.RoutePattern.RawText}", e.RoutePattern))
            .Where(r => r.Route.StartsWith("GET ")).ToList();
        Assert.Contains(staffRoutes, r => r.Route == "GET /referrals");
        // Home sends a partner on to the portal (DashboardAccessTests); every other staff page is not found.
        Assert.Equal(1, staffRoutes.RemoveAll(r => r.Route == "GET /"));

        foreach (var (route, pattern) in staffRoutes)
        {
            var url = Routes.TryGetValue(route, out var fill) ? fill(b).Url : pattern.RawText!;
            using var response = await partner.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"Partner on {url}: {(int)response.StatusCode}");
        }
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string route, Target target, string? token)
    {
        if (route.StartsWith("GET "))
        {
            return await client.GetAsync(target.Url, Ct);
        }

        var body = target.Body?.Invoke() ?? new MultipartFormDataContent();
        if (token is not null && body is MultipartFormDataContent form)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return await client.PostAsync(target.Url, body, Ct);
    }

    private async Task<(int Updates, int Attachments, int Files)> CountsAsync(TenantRecords b)
    {
        await using var db = App.Database.CreateContext();
        return (await db.ReferralUpdates.CountAsync(u => u.ReferralId == b.ReferralId, Ct),
            await db.Attachments.CountAsync(a => a.ReferralId == b.ReferralId, Ct), App.StoredFileCount());
    }

    private async Task AssertUntouchedAsync(TenantRecords b)
    {
        await using var db = App.Database.CreateContext();
        Assert.Null(await db.ApiKeys.Where(k => k.Id == b.ApiKeyId).Select(k => k.RevokedAt).FirstAsync(Ct));
        Assert.Null(await db.Notifications.Where(n => n.Id == b.NotificationId).Select(n => n.ReadAt).FirstAsync(Ct));
    }

    public sealed class Sqlite(PartnerSqliteApp app) : CrossTenantTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : CrossTenantTests(app), IClassFixture<PartnerPostgresApp>;
}
