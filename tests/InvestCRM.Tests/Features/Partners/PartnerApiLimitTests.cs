using System.Net;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>On an app with tight limits of its own: wrong keys per client, and requests per key.</summary>
public abstract class PartnerApiLimitTests(LimitedPartnerApp app) : AppTests(app)
{
    private new LimitedPartnerApp App => app;

    [Fact]
    public async Task Wrong_keys_are_rate_limited_after_a_few_tries()
    {
        using var client = App.ApiClient("deadbeef0000.not-the-secret");
        var statuses = new List<HttpStatusCode>();
        var last = "";
        for (var i = 0; i <= LimitedPartnerApp.FailedLimit; i++)
        {
            using var response = await client.GetAsync("/api/v1/referrals", Ct);
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync(Ct);
        }

        Assert.All(statuses.Take(LimitedPartnerApp.FailedLimit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", System.Text.Json.JsonDocument.Parse(last).RootElement.GetProperty("type").GetString());
    }

    public sealed class Sqlite(LimitedSqliteApp app) : PartnerApiLimitTests(app), IClassFixture<LimitedSqliteApp>;

    public sealed class Postgres(LimitedPostgresApp app) : PartnerApiLimitTests(app), IClassFixture<LimitedPostgresApp>;
}

/// <summary>Requests per key, on an app of its own (the failed-key test above blocks its client address).</summary>
public abstract class PartnerApiKeyLimitTests(LimitedPartnerApp app) : AppTests(app)
{
    private new LimitedPartnerApp App => app;

    [Fact]
    public async Task A_key_is_limited_per_minute_and_other_keys_are_not()
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var (_, busy) = await App.IssueKeyAsync(incubator, "busy");
        var (_, quiet) = await App.IssueKeyAsync(incubator, "quiet");
        using var client = App.ApiClient(busy);
        for (var i = 0; i < LimitedPartnerApp.RequestLimit; i++)
        {
            using var ok = await client.GetAsync("/api/v1/referrals", Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync("/api/v1/referrals", Ct);
        using var other = await App.ApiClient(quiet).GetAsync("/api/v1/referrals", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.Equal(UiText.Chinese("Api.Problem.RateLimited.Title"), problem.GetProperty("title").GetString());
    }

    public sealed class Sqlite(LimitedSqliteApp app) : PartnerApiKeyLimitTests(app), IClassFixture<LimitedSqliteApp>;

    public sealed class Postgres(LimitedPostgresApp app) : PartnerApiKeyLimitTests(app), IClassFixture<LimitedPostgresApp>;
}
