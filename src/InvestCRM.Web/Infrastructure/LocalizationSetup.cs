using System.Globalization;
using InvestCRM.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace InvestCRM.Web.Infrastructure;

public static class LocalizationSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    // Read-only, shared instances: the middleware hands a culture that is not read-only out as a fresh read-only copy on
    // every request, which then built its number format from ICU again (about 2% of a report page's CPU).
    public static readonly CultureInfo[] Supported = [CultureInfo.GetCultureInfo(Chinese), CultureInfo.GetCultureInfo(English)];

    public static WebApplicationBuilder AddCrmLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Supported[0]);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            // Chinese unless the user chose otherwise; the browser's language is not consulted.
            // The partner API has no cookie; its callers say their language in Accept-Language.
            o.RequestCultureProviders = [new CustomRequestCultureProvider(ApiCultureAsync), new CookieRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary>
    /// The first of the caller's languages (by quality, at most five) that the product speaks, in any variant: "en-GB"
    /// and "en" read English, "zh-TW" and "zh-Hans" Chinese. The framework's provider would match exactly and let a
    /// British caller fall back to Chinese.
    /// </summary>
    private static Task<ProviderCultureResult?> ApiCultureAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return Task.FromResult<ProviderCultureResult?>(null);
        }

        var chosen = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1).Take(5)
            .Select(l => Match(l.Value.Value)).FirstOrDefault(c => c is not null);
        return Task.FromResult(chosen is null ? null : new ProviderCultureResult(chosen));
    }

    /// <summary>The product's culture for a language tag of either language it speaks; null for any other.</summary>
    public static string? Match(string? tag)
    {
        var language = tag?.Split('-', 2)[0];
        return string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? English
            : string.Equals(language, "zh", StringComparison.OrdinalIgnoreCase) ? Chinese
            : null;
    }

    public static string Normalize(string? culture) => Match(culture) ?? Chinese;

    public static void WriteCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    /// <summary>Switches the UI language and remembers the choice on the signed-in user.</summary>
    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture", async ([FromForm] string? culture, [FromForm] string? returnUrl, HttpContext http, UserManager<ApplicationUser> users) =>
        {
            var chosen = Normalize(culture);
            WriteCookie(http.Response, chosen);
            if (await users.GetUserAsync(http.User) is { } user && user.PreferredCulture != chosen)
            {
                user.PreferredCulture = chosen;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
