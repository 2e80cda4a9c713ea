using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using InvestCRM.Features.Identity;
using InvestCRM.Features.PartnerApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace InvestCRM.Web.Features.PartnerApi;

/// <summary>
/// Signs an API call in as a partner of the key's incubator, so the DbContext narrows it exactly as it narrows
/// a partner in the portal. The acting user id is the admin who issued the key; referrals record the key itself.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyService keys, FailedKeyLimiter failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string PrefixClaim = "investcrm:apikey";
    private const string BlockedItem = "investcrm:apikey-blocked";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } token)
        {
            return AuthenticateResult.NoResult();
        }

        var client = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.IsBlocked(client))
        {
            Context.Items[BlockedItem] = true;
            return AuthenticateResult.Fail("Too many failed API keys from this client.");
        }

        if (await keys.AuthenticateAsync(token.Trim(), Context.RequestAborted) is not { } caller)
        {
            failures.Record(client);
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, caller.ActingUserId), new Claim(CrmClaims.DisplayName, $"API · {caller.KeyName}"),
            new Claim(ClaimTypes.Role, Roles.Partner), new Claim(CrmClaims.IncubatorId, caller.IncubatorId.ToString()),
            new Claim(PrefixClaim, caller.Prefix), new Claim(CrmClaims.ApiKeyId, caller.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!IsApiCall)
        {
            return Task.CompletedTask; // a browser on a shared route: the cookie scheme answers with the login page
        }

        Response.Headers.WWWAuthenticate = SchemeName;
        if (Context.Items.ContainsKey(BlockedItem))
        {
            Response.Headers.RetryAfter = "60";
            return ApiProblems.WriteAsync(Context, StatusCodes.Status429TooManyRequests, "Api.Problem.TooManyFailures");
        }

        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Api.Problem.Unauthorized");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        IsApiCall ? ApiProblems.WriteAsync(Context, StatusCodes.Status404NotFound, "Api.Problem.NotFound") : Task.CompletedTask;

    private bool IsApiCall => Request.Path.StartsWithSegments("/api") || Request.Headers.ContainsKey(Header);
}

/// <summary>Counts failed keys per client address, so guessing keys is slowed to a few tries a minute.</summary>
internal sealed class FailedKeyLimiter(IOptions<PartnerApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FailedKeysPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public bool IsBlocked(string client) => _limiter.GetStatistics(client) is { CurrentAvailablePermits: <= 0 };

    public void Record(string client) => _limiter.AttemptAcquire(client).Dispose();

    public void Dispose() => _limiter.Dispose();
}

public sealed class PartnerApiOptions
{
    public const string Section = "PartnerApi";

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;

    [System.ComponentModel.DataAnnotations.Range(1, 1_000)]
    public int FailedKeysPerMinute { get; set; } = 10;
}
