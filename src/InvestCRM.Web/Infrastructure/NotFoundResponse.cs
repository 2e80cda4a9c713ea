namespace InvestCRM.Web.Infrastructure;

public static class NotFoundResponse
{
    /// <summary>
    /// Answers 404 for a record that does not exist or lies outside the user's scope. The status-code
    /// pages re-execute /not-found in a fresh scope (WebSetup), so every such answer looks the same and
    /// tells nothing about whether the record exists.
    /// </summary>
    public static void SetNotFound(this HttpContext context) =>
        context.Response.StatusCode = StatusCodes.Status404NotFound;
}
