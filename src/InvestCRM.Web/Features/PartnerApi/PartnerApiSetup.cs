using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using InvestCRM.Features.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InvestCRM.Web.Features.PartnerApi;

/// <summary>API-key authentication, per-key rate limits and the OpenAPI document of the partner API.</summary>
public static class PartnerApiSetup
{
    public const string Policy = "partner-api";
    public const string FilesPolicy = "attachments";
    public const string RatePolicy = "partner-api-key";

    public static WebApplicationBuilder AddPartnerApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PartnerApiOptions>().BindConfiguration(PartnerApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FailedKeyLimiter>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.Partner).RequireClaim(CrmClaims.IncubatorId))
            // Files are fetched from the portal (cookie) and by partner systems (key); both are narrowed the same way.
            .AddPolicy(FilesPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirstValue(ApiKeyAuthenticationHandler.PrefixClaim) ?? "",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<PartnerApiOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Api.Problem.RateLimited"));
            };
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddOperationTransformer<StageFilterDescription>();
            o.AddDocumentTransformer<ApiKeySecurityScheme>();
        });
        return builder;
    }

    /// <summary>The document at a stable address partners can generate clients from.</summary>
    public static WebApplication MapPartnerApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        return app;
    }
}
