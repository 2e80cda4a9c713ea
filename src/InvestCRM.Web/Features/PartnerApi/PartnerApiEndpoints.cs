using InvestCRM.Features.Attachments;
using InvestCRM.Features.Referrals;
using Microsoft.AspNetCore.Mvc;

namespace InvestCRM.Web.Features.PartnerApi;

public sealed record UpdateBody(string? Text);

/// <summary>
/// /api/v1: the same services as the portal, signed in by API key, narrowed to the key's incubator.
/// Not-found and out-of-scope look the same (404), so ids of other incubators reveal nothing.
/// </summary>
public static class PartnerApiEndpoints
{
    private const int BodyTwinOrder = 1;

    public static WebApplication MapPartnerApiEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/referrals")
            .RequireAuthorization(PartnerApiSetup.Policy)
            .RequireRateLimiting(PartnerApiSetup.RatePolicy)
            .DisableAntiforgery() // no cookies here: a key in a header cannot be sent by another site
            .WithTags("Referrals")
            // Every call: a missing, wrong or expired key; and the key's rate limit.
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("", ListAsync).Produces<Paged<PartnerReferral>>().ProducesValidationProblem();
        api.MapGet("/{id:int}", async (int id, PartnerReferrals reads, HttpContext http, CancellationToken ct) =>
                await reads.GetAsync(id, ct) is { } referral ? Results.Ok(referral) : ApiProblems.NotFound(http))
            .Produces<PartnerReferralDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        MapPostWithBody(api, "", "application/json", SubmitAsync)
            .Produces<PartnerReferralDetail>(StatusCodes.Status201Created).Produces<PartnerReferralDetail>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        MapPostWithBody(api, "/{id:int}/updates", "application/json", async (int id, UpdateBody body, ReferralService referrals, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await referrals.AddUpdateAsync(id, body.Text, ct);
                return outcome.Succeeded ? Results.Created($"/api/v1/referrals/{id}", null) : ApiProblems.Refused(http, outcome);
            })
            .Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        MapPostWithBody(api, "/{id:int}/attachments", "multipart/form-data", AttachAsync)
            .Produces<PartnerAttachment>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:int}/stages", async (int id, PartnerReferrals reads, HttpContext http, CancellationToken ct) =>
                await reads.StagesAsync(id, ct) is { } stages ? Results.Ok(stages) : ApiProblems.NotFound(http))
            .Produces<IReadOnlyList<PartnerStage>>().ProducesProblem(StatusCodes.Status404NotFound);
        // Any other address under /api (/referrals/abc, a typo) is not found, as JSON: not the sign-in challenge of a page,
        // which would tell a caller with a valid key that the key is the problem.
        // Ordered after every other endpoint (order ranks before route precedence), the media-type twins included.
        app.Map("/api/{**path}", (HttpContext http) => ApiProblems.NotFound(http)).WithOrder(BodyTwinOrder + 1).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A post that reads a body, and beside it the same address for a body of any other type (or none): the framework
    /// matches the first only for its own media type and would answer the rest with the catch-all's 404, which tells a
    /// caller that the address is wrong when it is the body. Ordered after the first, so a right body never reaches it.
    /// </summary>
    private static RouteHandlerBuilder MapPostWithBody(RouteGroupBuilder api, string pattern, string mediaType, Delegate handler)
    {
        api.MapPost(pattern, (HttpContext http) => ApiProblems.UnsupportedMediaType(http, mediaType)).WithOrder(BodyTwinOrder).ExcludeFromDescription();
        return api.MapPost(pattern, handler);
    }

    /// <summary>The stage filter's accepted values are listed in the document by <see cref="StageFilterDescription"/>.</summary>
    private static async Task<IResult> ListAsync(string? stage, DateTimeOffset? changedSince, int? page, int? pageSize,
        PartnerReferrals reads, HttpContext http, CancellationToken ct)
    {
        var (outcome, list) = await reads.ListAsync(new ReferralQuery(stage, changedSince, page ?? 1, pageSize ?? 20), ct);
        return outcome.Succeeded ? Results.Ok(list) : ApiProblems.Refused(http, outcome);
    }

    /// <summary>Idempotency-Key is required: a client that retries after a timeout must not create a second lead.</summary>
    private static async Task<IResult> SubmitAsync([FromHeader(Name = "Idempotency-Key")] string? key, ReferralInput input,
        ReferralService referrals, PartnerReferrals reads, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return ApiProblems.Problem(http, StatusCodes.Status400BadRequest, "Api.Problem.IdempotencyKeyRequired");
        }

        var submission = await referrals.SubmitAsync(input, key, null, ct);
        if (!submission.Outcome.Succeeded)
        {
            return ApiProblems.Refused(http, submission.Outcome);
        }

        var referral = await reads.GetAsync(submission.Outcome.Id, ct);
        return submission.Created ? Results.Created($"/api/v1/referrals/{submission.Outcome.Id}", referral) : Results.Ok(referral);
    }

    private static async Task<IResult> AttachAsync(int id, IFormFile file, ReferralService referrals, PartnerReferrals reads, HttpContext http, CancellationToken ct)
    {
        var (outcome, attachmentId) = await referrals.AttachAsync(id, new UploadedFile(file.FileName, file.Length, file.OpenReadStream), ct);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Refused(http, outcome);
        }

        var attachment = (await reads.GetAsync(id, ct))?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        return Results.Created($"/attachments/{attachmentId}", attachment);
    }
}
