using InvestCRM.Features.PartnerApi;
using InvestCRM.Web.Infrastructure;

namespace InvestCRM.Web.Features.PartnerApi;

public static class ApiKeyEndpoints
{
    public static WebApplication MapApiKeyEndpoints(this WebApplication app)
    {
        app.MapPost("/admin/api-keys/{id:int}/revoke", async (int id, ApiKeyService keys, CancellationToken ct) =>
        {
            var outcome = await keys.RevokeAsync(id, ct);
            return outcome.Succeeded ? Results.LocalRedirect("/admin/api-keys?revoked=true") : Results.NotFound();
        }).RequireAuthorization(Policies.Admin).RequireAntiforgeryToken();
        return app;
    }
}
