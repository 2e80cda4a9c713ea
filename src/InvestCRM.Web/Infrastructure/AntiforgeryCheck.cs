using Microsoft.AspNetCore.Antiforgery;

namespace InvestCRM.Web.Infrastructure;

public static class AntiforgeryCheck
{
    /// <summary>
    /// Minimal-API posts that bind no form fields are not checked by UseAntiforgery on their own;
    /// a button-only form (mark read, revoke) needs the check as much as any other.
    /// </summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
            await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : Results.BadRequest());
}
