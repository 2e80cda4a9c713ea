using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestCRM.Features.Identity;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Tests.Features.Activities;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

public abstract class PartnerApiTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Fact]
    public async Task A_revoked_key_is_refused_with_a_problem()
    {
        var (id, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));
        await using (var db = App.Database.CreateContext())
        {
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow), Ct);
        }

        using var response = await App.ApiClient(token).GetAsync("/api/v1/referrals", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(UiText.Chinese("Api.Problem.Unauthorized.Title"), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_expired_key_is_refused_and_a_valid_one_is_let_in()
    {
        var (id, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));
        using var before = await App.ApiClient(token).GetAsync("/api/v1/referrals", Ct);
        await using (var db = App.Database.CreateContext())
        {
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Ct);
        }

        using var after = await App.ApiClient(token).GetAsync("/api/v1/referrals", Ct);

        Assert.True(before.StatusCode == HttpStatusCode.OK, await before.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task No_key_gets_401_json_not_the_login_page()
    {
        using var response = await App.ApiClient(null, "en-US").GetAsync("/api/v1/referrals/1", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(UiText.English("Api.Problem.Unauthorized.Title"), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_keys_expiry_day_is_the_parks_day_and_ends_at_its_midnight()
    {
        var admin = await App.FindUserAsync(DemoAccounts.Admin);
        await using var db = App.Database.CreateContext(new CurrentUser(admin.Id, "admin", new HashSet<string> { Roles.Admin }, null, null));
        var incubator = await App.IncubatorIdAsync("北京");
        // 01:26 on 24 November in China is still 23 November in UTC.
        var service = new ApiKeyService(db, new TestClock(new DateTimeOffset(2026, 11, 24, 1, 26, 0, TimeSpan.FromHours(8))));

        var (today, _) = await service.IssueAsync(new ApiKeyInput(incubator, "今日到期", new DateOnly(2026, 11, 24)));
        var (tomorrow, key) = await service.IssueAsync(new ApiKeyInput(incubator, "明日到期", new DateOnly(2026, 11, 25)));

        Assert.Equal("Rule.ExpiryInPast", Assert.Single(today.Problems).Code);
        Assert.True(tomorrow.Succeeded, string.Join(", ", tomorrow.Problems));
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key!.Id, Ct);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)), stored.ExpiresAt);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("fr-FR, en;q=0.8, zh;q=0.5", true)]
    [InlineData("zh-TW", false)]
    [InlineData("en;q=0.3, zh-Hans;q=0.9", false)]
    [InlineData("de", false)]
    public async Task A_caller_gets_english_in_any_variant_and_chinese_otherwise(string languages, bool english)
    {
        using var client = App.ApiClient(null);
        Assert.True(client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", languages));

        using var response = await client.GetAsync("/api/v1/referrals/1", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var title = "Api.Problem.Unauthorized.Title";
        Assert.Contains(english ? UiText.English(title) : UiText.Chinese(title), body);
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_returns_the_first_referral()
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));
        using var client = App.ApiClient(token);
        var key = Guid.NewGuid().ToString();
        var body = new { enterpriseName = "幂等测试企业有限公司", seeks = "厂房" };

        using var first = await PostAsync(client, key, body);
        using var retry = await PostAsync(client, key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var again = await retry.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal($"/api/v1/referrals/{id}", first.Headers.Location?.OriginalString);
        Assert.Equal(id, again.GetProperty("id").GetInt32());
        Assert.Equal("Pending", again.GetProperty("status").GetString());
        await using var db = App.Database.CreateContext();
        Assert.Equal(1, await db.Referrals.CountAsync(r => r.IdempotencyKey == key, Ct));
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_referral_is_refused_and_the_first_is_kept()
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));
        using var client = App.ApiClient(token, "en-US");
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, key, new { enterpriseName = "复用标识企业有限公司", seeks = "厂房", plannedInvestmentWan = 1.5m });
        using var other = await PostAsync(client, key, new { enterpriseName = "另一家企业有限公司", seeks = "厂房", plannedInvestmentWan = 1.5m });
        using var replay = await PostAsync(client, key, new { enterpriseName = " 复用标识企业有限公司", seeks = "厂房 ", plannedInvestmentWan = 1.50m });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = (await other.Content.ReadFromJsonAsync<JsonElement>(Ct));
        Assert.Equal(UiText.English("Api.Problem.IdempotencyKeyReused.Title"), problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.Equal(id, (await replay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32());
        await using var db = App.Database.CreateContext();
        Assert.Equal(["复用标识企业有限公司"], await db.Referrals.Where(r => r.IdempotencyKey == key).Select(r => r.EnterpriseName).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("/api/v1/referrals", "")]
    [InlineData("/api/v1/referrals", "null")]
    [InlineData("/api/v1/referrals/{0}/updates", "")]
    [InlineData("/api/v1/referrals/{0}/updates", "null")]
    public async Task A_post_without_a_body_is_a_localised_problem_asking_for_one(string address, string json)
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var (_, token) = await App.IssueKeyAsync(incubator);
        int referral;
        await using (var db = App.Database.CreateContext())
        {
            referral = await db.Referrals.Where(r => r.IncubatorId == incubator).Select(r => r.Id).FirstAsync(Ct);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, string.Format(System.Globalization.CultureInfo.InvariantCulture, address, referral))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await App.ApiClient(token).SendAsync(request, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(UiText.Chinese("Api.Problem.BodyRequired"), body);
        Assert.DoesNotContain(UiText.Chinese("Validation.Number"), body);
    }

    [Theory]
    [InlineData("{\"enterpriseName\":\"x\",\"seeks\":\"y\",\"plannedInvestmentWan\":\"abc\"}", "plannedInvestmentWan", "Validation.Number")]
    [InlineData("{\"enterpriseName\":123,\"seeks\":\"y\"}", "enterpriseName", "Api.Problem.Text")]
    [InlineData("{\"EnterpriseName\":\"x\",\"Seeks\":\"y\",\"PlannedInvestmentWan\":true}", "plannedInvestmentWan", "Validation.Number")]
    public async Task A_body_field_of_the_wrong_type_is_named_with_what_it_expects(string json, string field, string message)
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await App.ApiClient(token, "en-US").SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(UiText.English(message), problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_post_without_idempotency_key_or_with_invalid_fields_is_a_localised_problem()
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));

        using var noKey = await PostAsync(App.ApiClient(token, "en-US"), null, new { enterpriseName = "x", seeks = "y" });
        using var invalid = await PostAsync(App.ApiClient(token), Guid.NewGuid().ToString(), new { enterpriseName = "", seeks = "y" });

        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains(UiText.English("Api.Problem.IdempotencyKeyRequired.Title"), await noKey.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync(Ct);
        Assert.Contains(UiText.Chinese("Api.Problem.Invalid.Title"), problem);
        Assert.Equal(["enterpriseName"], JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    /// <summary>A body of the wrong type, or none, is the body's fault: 415 naming the type the address reads, not a 404.</summary>
    [Theory]
    [InlineData("/api/v1/referrals", null, "application/json")]
    [InlineData("/api/v1/referrals", "text/plain", "application/json")]
    [InlineData("/api/v1/referrals/{0}/updates", "application/x-www-form-urlencoded", "application/json")]
    [InlineData("/api/v1/referrals/{0}/attachments", "application/json", "multipart/form-data")]
    public async Task A_post_whose_body_is_not_of_the_type_the_address_reads_is_a_localised_415(string address, string? sent, string expected)
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var (_, token) = await App.IssueKeyAsync(incubator);
        int referral;
        await using (var db = App.Database.CreateContext())
        {
            referral = await db.Referrals.Where(r => r.IncubatorId == incubator).Select(r => r.Id).FirstAsync(Ct);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, string.Format(System.Globalization.CultureInfo.InvariantCulture, address, referral));
        if (sent is not null)
        {
            request.Content = new StringContent("{\"enterpriseName\":\"x\",\"seeks\":\"y\",\"text\":\"z\"}", System.Text.Encoding.UTF8, sent);
        }

        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await App.ApiClient(token, "en-US").SendAsync(request, Ct);
        using var anonymous = await App.ApiClient(null).PostAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, referral), null, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(UiText.English("Api.Problem.UnsupportedMediaType.Title"), problem.GetProperty("title").GetString());
        Assert.Equal(UiText.English("Api.Problem.UnsupportedMediaType.Detail").Replace("{0}", expected), problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var check = App.Database.CreateContext();
        Assert.False(await check.Referrals.AnyAsync(r => r.EnterpriseName == "x", Ct));
    }

    /// <summary>A value the endpoint cannot read is a localised problem naming the parameter, not the framework's bare 400.</summary>
    [Fact]
    public async Task A_query_or_body_the_api_cannot_read_is_a_localised_problem_naming_the_field()
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));

        using var page = await App.ApiClient(token).GetAsync("/api/v1/referrals?page=abc", Ct);
        using var since = await App.ApiClient(token, "en-US").GetAsync("/api/v1/referrals?changedSince=2026-13-45", Ct);
        using var body = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        body.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var json = await App.ApiClient(token).SendAsync(body, Ct);

        Assert.All([page, since, json], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var pageProblem = System.Text.Json.JsonDocument.Parse(await page.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(UiText.Chinese("Api.Problem.Invalid.Title"), pageProblem.GetProperty("title").GetString());
        Assert.Equal(UiText.Chinese("Validation.Number"), pageProblem.GetProperty("errors").GetProperty("page")[0].GetString());
        var sinceProblem = System.Text.Json.JsonDocument.Parse(await since.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(UiText.English("Validation.Date"), sinceProblem.GetProperty("errors").GetProperty("changedSince")[0].GetString());
        Assert.Contains(UiText.Chinese("Api.Problem.BadJson"), await json.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_address_the_api_does_not_have_is_a_localised_404_not_a_sign_in_challenge()
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));

        using var text = await App.ApiClient(token).GetAsync("/api/v1/referrals/abc", Ct);
        using var typo = await App.ApiClient(token, "en-US").GetAsync("/api/v1/referral", Ct);

        Assert.Equal(HttpStatusCode.NotFound, text.StatusCode);
        Assert.Contains(UiText.Chinese("Api.Problem.NotFound.Title"), await text.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, typo.StatusCode);
        Assert.Contains(UiText.English("Api.Problem.NotFound.Title"), await typo.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_partner_api_only()
    {
        using var response = await App.ApiClient(null).GetAsync("/api/v1/openapi.json", Ct);
        var document = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/v1/referrals/{id}/stages", document);
        Assert.DoesNotContain("/notifications", document);
    }

    /// <summary>A client generated from the document sends the key and knows every answer's shape, errors included.</summary>
    [Fact]
    public async Task The_openapi_document_declares_the_key_header_and_the_shape_of_every_answer()
    {
        using var response = await App.ApiClient(null).GetAsync("/api/v1/openapi.json", Ct);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var paths = document.GetProperty("paths");
        foreach (var (path, method, status) in new[]
        {
            ("/api/v1/referrals", "get", "200"), ("/api/v1/referrals", "post", "201"), ("/api/v1/referrals", "post", "422"),
            ("/api/v1/referrals/{id}", "get", "200"), ("/api/v1/referrals/{id}", "get", "404"),
            ("/api/v1/referrals/{id}/attachments", "post", "201"), ("/api/v1/referrals/{id}/stages", "get", "200"),
            ("/api/v1/referrals/{id}/stages", "get", "401"), ("/api/v1/referrals/{id}/updates", "post", "429"),
        })
        {
            var answer = paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
            Assert.True(answer.TryGetProperty("content", out var content), $"{method} {path} {status} has no schema");
            Assert.True(content.EnumerateObject().Single().Value.TryGetProperty("schema", out _), $"{method} {path} {status} has no schema");
        }

        Assert.Equal(1, paths.GetProperty("/api/v1/referrals").EnumerateObject().Count(m => m.Name == "post"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request, Ct);
    }

    public sealed class Sqlite(PartnerSqliteApp app) : PartnerApiTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : PartnerApiTests(app), IClassFixture<PartnerPostgresApp>;
}
