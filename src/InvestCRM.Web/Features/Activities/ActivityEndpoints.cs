using InvestCRM.Features.Activities;
using InvestCRM.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InvestCRM.Web.Features.Activities;

public static class ActivityEndpoints
{
    /// <summary>The quick-log picker fragments and the follow-up "done" button.</summary>
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/activities").RequireAuthorization(Policies.Internal);
        group.MapGet("/enterprise-options", async (string? q, ActivityService activities, CancellationToken ct) =>
            new RazorComponentResult<EnterprisePicks>(new { Matches = await activities.SearchEnterprisesAsync(q, 10, ct), Searched = true }));
        group.MapGet("/contact-options", async (int enterpriseId, ActivityService activities, CancellationToken ct) =>
            new RazorComponentResult<ContactPicks>(new { Contacts = await activities.ContactsOfAsync(enterpriseId, ct) }));

        // [FromForm] makes the endpoint check the antiforgery token the form carries.
        group.MapPost("/{id:long}/follow-up-done", async (long id, [FromForm] string? returnUrl, ActivityService activities, CancellationToken ct) =>
        {
            var outcome = await activities.CompleteFollowUpAsync(id, ct);
            return outcome.Succeeded
                ? Results.LocalRedirect(LocalizationSetup.SafeReturnUrl(returnUrl))
                : Results.LocalRedirect($"/activities/{id}");
        });
        return app;
    }
}
