using InvestCRM.Features.Enterprises;
using InvestCRM.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InvestCRM.Web.Features.Enterprises;

public static class EnterpriseEndpoints
{
    /// <summary>The search results fragment htmx swaps in while the user types on /enterprises.</summary>
    public static IEndpointRouteBuilder MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/enterprises/results", async (string? q, int? page, EnterpriseService enterprises, HttpContext context) =>
        {
            var result = await enterprises.SearchAsync(q, page ?? 1);
            // The address bar shows the full page for this search, so reload and sharing work.
            context.Response.Headers["HX-Push-Url"] = EnterpriseResults.PageUrl(q, result.Page);
            return new RazorComponentResult<EnterpriseResults>(new { Result = result, Query = q });
        }).RequireAuthorization(Policies.Internal);
        return app;
    }
}
