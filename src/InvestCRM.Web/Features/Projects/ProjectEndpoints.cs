using InvestCRM.Features.Attachments;
using InvestCRM.Features.Common;
using InvestCRM.Features.Projects;
using InvestCRM.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Projects;

public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects").RequireAuthorization(Policies.Internal);
        projects.MapGet("/export", ExportAsync);
        projects.MapPost("/{id:int}/move", MoveAsync);
        // Antiforgery is checked because the endpoint binds a form file.
        projects.MapPost("/{id:int}/attachments", AttachAsync);
        return app;
    }

    /// <summary>The list's current filter as .xlsx, in the user's language.</summary>
    private static async Task<IResult> ExportAsync(
        HttpContext http, ProjectExport export, ProjectQueries queries, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var filter = ProjectFilter.Parse(key => http.Request.Query[key].FirstOrDefault());
        var text = new ExportText(l["Nav.Projects"], ExportFilterText.Describe(filter, await queries.FilterOptionsAsync(ct), l),
            ExportFilterText.Headers(l), Display.IsEnglish, s => l.Enum(s), s => l.Enum(s));
        var buffer = new MemoryStream();
        await export.WriteAsync(buffer, filter, text, ct);
        return XlsxDownload.Stamped(buffer, l["Projects.ExportFile"], clock);
    }

    /// <summary>A file for the project page's list; back to that list with the outcome, or 404 for a project out of reach.</summary>
    private static async Task<IResult> AttachAsync(int id, IFormFile? file, ProjectFiles files, CancellationToken ct)
    {
        var outcome = file is null
            ? Outcome.Refused(new Problem("Attachment.Empty", "File"))
            : await files.AttachAsync(id, new UploadedFile(file.FileName, file.Length, file.OpenReadStream), ct);
        return outcome.IsNotFound || outcome.Problems.Any(p => p.Code == "Rule.NotAllowed") ? Results.NotFound()
            : Results.LocalRedirect(outcome.Succeeded ? $"/projects/{id}?done=uploaded#files" : $"/projects/{id}?fileProblem={outcome.Problems[0].Code}#files");
    }

    /// <summary>
    /// A move from the board. htmx/fetch callers get the card back (updated, or with the refusal shown on it);
    /// a plain form post goes back to the board, or to the project page where the missing facts can be entered.
    /// The stage and version are read as text: one that does not parse is an unknown stage (0) or a stale version (-1),
    /// refused on the card like any other move, rather than the framework's bare 400.
    /// </summary>
    private static async Task<IResult> MoveAsync(
        int id, [FromForm] string? toStageId, [FromForm] string? version, [FromForm] string? reason,
        HttpContext http, ProjectService projects, ProjectQueries queries, CancellationToken ct)
    {
        var stageId = QueryText.Int(toStageId) ?? 0;
        var outcome = await projects.MoveAsync(id, QueryText.Int(version) ?? -1, new StageMove(stageId, reason), ct);
        if (outcome.Problems.Any(p => p.Code == "Rule.NotFound") || await queries.CardAsync(id, ct) is not { } card)
        {
            return Results.NotFound();
        }

        var problems = outcome.Problems.Select(p => p.Code).Distinct().ToList();
        if (!http.Request.Headers.ContainsKey("HX-Request"))
        {
            return Results.LocalRedirect(outcome.Succeeded
                ? "/projects/board"
                : $"/projects/{id}?moveTo={stageId}&problem={Uri.EscapeDataString(problems[0])}#move");
        }

        var fragment = new RazorComponentResult<BoardCardView>(new
        {
            Card = card, CanEdit = queries.CanEdit(card), Problems = problems, ToStageId = stageId,
        });
        fragment.StatusCode = outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        return fragment;
    }
}
