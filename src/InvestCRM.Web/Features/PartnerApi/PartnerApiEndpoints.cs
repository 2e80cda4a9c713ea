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
    public static WebApplication MapPartnerApiEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/referrals")
            .RequireAuthorization(PartnerApiSetup.Policy)
            .RequireRateLimiting(PartnerApiSetup.RatePolicy)
            .DisableAntiforgery() // no cookies here: a key in a header cannot be sent by another site
            .WithTags("Referrals");

        api.MapGet("", ListAsync).Produces<Paged<PartnerReferral>>().ProducesValidationProblem();
        api.MapGet("/{id:int}", async (int id, PartnerReferrals reads, HttpContext http, CancellationToken ct) =>
            await reads.GetAsync(id, ct) is { } referral ? Results.Ok(referral) : ApiProblems.NotFound(http));
        api.MapPost("", SubmitAsync);
        api.MapPost("/{id:int}/updates", async (int id, UpdateBody body, ReferralService referrals, HttpContext http, CancellationToken ct) =>
        {
            var outcome = await referrals.AddUpdateAsync(id, body.Text, ct);
            return outcome.Succeeded ? Results.Created($"/api/v1/referrals/{id}", null) : ApiProblems.Refused(http, outcome);
        });
        api.MapPost("/{id:int}/attachments", AttachAsync);
        api.MapGet("/{id:int}/stages", async (int id, PartnerReferrals reads, HttpContext http, CancellationToken ct) =>
            await reads.StagesAsync(id, ct) is { } stages ? Results.Ok(stages) : ApiProblems.NotFound(http));
        // Any other address under /api (/referrals/abc, a typo) is not found, as JSON: not the sign-in challenge of a page,
        // which would tell a caller with a valid key that the key is the problem.
        app.Map("/api/{**path}", (HttpContext http) => ApiProblems.NotFound(http)).AllowAnonymous().ExcludeFromDescription();
        return app;
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
