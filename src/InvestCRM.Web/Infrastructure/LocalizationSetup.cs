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

    private static readonly AcceptLanguageHeaderRequestCultureProvider AcceptLanguage = new() { MaximumAcceptLanguageHeaderValuesToTry = 5 };

    private static Task<ProviderCultureResult?> ApiCultureAsync(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
            ? AcceptLanguage.DetermineProviderCultureResult(context)
            : Task.FromResult<ProviderCultureResult?>(null);

    public static string Normalize(string? culture) => culture == English ? English : Chinese;

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
