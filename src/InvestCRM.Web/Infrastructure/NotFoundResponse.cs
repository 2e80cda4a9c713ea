using Microsoft.AspNetCore.Diagnostics;

namespace InvestCRM.Web.Infrastructure;

public static class NotFoundResponse
{
    /// <summary>
    /// A page that renders its own not-found body answers 404 itself. The status-code-pages re-execution
    /// is switched off for the request: re-running /not-found inside a component render fails
    /// ("HttpNavigationManager already initialized") and would replace the page's own message.
    /// </summary>
    public static void SetNotFound(this HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
