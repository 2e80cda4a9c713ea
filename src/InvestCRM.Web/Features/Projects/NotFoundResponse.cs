using Microsoft.AspNetCore.Diagnostics;

namespace InvestCRM.Web.Features.Projects;

public static class NotFoundResponse
{
    /// <summary>
    /// Answers 404 with the page's own not-found content. Status-code re-execution is switched off for this response:
    /// re-running /not-found in the same scope fails ("HttpNavigationManager already initialized").
    /// </summary>
    public static void Set(HttpContext http)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        http.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
