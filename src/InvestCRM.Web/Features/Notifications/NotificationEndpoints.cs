using InvestCRM.Features.Notifications;
using InvestCRM.Web.Infrastructure;

namespace InvestCRM.Web.Features.Notifications;

public static class NotificationEndpoints
{
    public static WebApplication MapNotificationEndpoints(this WebApplication app)
    {
        // Opening a notice marks it read and follows its link; only one's own notices are found.
        app.MapPost("/notifications/{id:long}/read", async (long id, NotificationInbox inbox, CancellationToken ct) =>
            await inbox.MarkReadAsync(id, ct) is { } link ? Results.LocalRedirect(LocalizationSetup.SafeReturnUrl(link)) : Results.NotFound())
            .RequireAntiforgeryToken();
        app.MapPost("/notifications/read-all", async (NotificationInbox inbox, CancellationToken ct) =>
        {
            await inbox.MarkReadAsync(null, ct);
            return Results.LocalRedirect("/notifications");
        }).RequireAntiforgeryToken();
        return app;
    }
}
