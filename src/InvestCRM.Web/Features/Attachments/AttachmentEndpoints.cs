using InvestCRM.Features.Attachments;
using InvestCRM.Features.Referrals;
using InvestCRM.Web.Features.PartnerApi;
using InvestCRM.Web.Infrastructure;

namespace InvestCRM.Web.Features.Attachments;

public static class AttachmentEndpoints
{
    public static WebApplication MapAttachmentEndpoints(this WebApplication app)
    {
        // The only way to a stored file: loaded through the caller's scope, so another incubator's file is a 404.
        app.MapGet("/attachments/{id:long}", async (long id, AttachmentStore store, HttpContext http, CancellationToken ct) =>
        {
            if (await store.FindAsync(id, ct) is not { } file)
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.FullPath, file.ContentType, file.FileName);
        }).RequireAuthorization(PartnerApiSetup.FilesPolicy);

        // The portal's upload form; antiforgery is checked because the endpoint binds a form file.
        app.MapPost("/portal/referrals/{id:int}/attachments", async (int id, IFormFile? file, ReferralService referrals, CancellationToken ct) =>
        {
            if (file is null)
            {
                return Results.LocalRedirect($"/portal/referrals/{id}?problem=Attachment.Empty");
            }

            var (outcome, _) = await referrals.AttachAsync(id, new UploadedFile(file.FileName, file.Length, file.OpenReadStream), ct);
            return outcome.Succeeded ? Results.LocalRedirect($"/portal/referrals/{id}?uploaded=true")
                : outcome.Problems.Any(p => p.Code is "Rule.NotFound" or "Rule.NotAllowed") ? Results.NotFound()
                : Results.LocalRedirect($"/portal/referrals/{id}?problem={outcome.Problems[0].Code}");
        }).RequireAuthorization(Policies.Partner);
        return app;
    }

    /// <summary>Resolves the storage folder against the content root, outside wwwroot.</summary>
    public static WebApplicationBuilder AddCrmAttachments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.Path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, o.Path)));
        return builder;
    }
}
