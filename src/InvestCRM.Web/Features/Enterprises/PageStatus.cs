namespace InvestCRM.Web.Features.Enterprises;

public static class PageStatus
{
    /// <summary>Answers 404; the status-code pages render the not-found page for it.</summary>
    public static void NotFound(HttpContext context) => context.Response.StatusCode = StatusCodes.Status404NotFound;
}
