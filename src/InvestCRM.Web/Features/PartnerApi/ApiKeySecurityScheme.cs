using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InvestCRM.Web.Features.PartnerApi;

/// <summary>
/// Declares in the document how a partner signs in (the key in its header), for every operation, so generated clients
/// send it; the framework knows nothing of a custom authentication scheme's header.
/// </summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    private const string SchemeId = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.Header,
            Description = "The key an administrator issued to the incubator, written <prefix>.<secret>. A missing, wrong, "
                + "revoked or expired key is answered 401; each key has its own rate limit (429 with Retry-After).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
        return Task.CompletedTask;
    }
}
