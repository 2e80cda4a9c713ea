using InvestCRM.Features.Referrals;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InvestCRM.Web.Features.PartnerApi;

/// <summary>
/// Describes the referral list's stage filter with the codes it accepts. Admins add stages, so the codes are read from the
/// pipeline when the document is made rather than written into the code.
/// </summary>
internal sealed class StageFilterDescription : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // Only the referral list has a stage parameter.
        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "stage") is not { } stage)
        {
            return;
        }

        await using var scope = context.ApplicationServices.CreateAsyncScope();
        var stages = await scope.ServiceProvider.GetRequiredService<PartnerReferrals>().StageCodesAsync(cancellationToken);
        var codes = string.Join(", ", stages.Select(s => $"`{s.Code}` ({s.NameEn})"));
        stage.Description = "Only the accepted referrals whose project is now at this pipeline stage, by the stage's code "
            + $"(letter case ignored): {codes}. Any other value is refused with 400. Leave it out for every referral.";
    }
}
