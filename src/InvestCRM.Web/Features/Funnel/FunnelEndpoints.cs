using InvestCRM.Features.Funnel;
using InvestCRM.Web.Features.Reporting;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Funnel;

public static class FunnelEndpoints
{
    public static IEndpointRouteBuilder MapFunnelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/funnel/export", ExportAsync).RequireAuthorization(Policies.Internal);
        return app;
    }

    /// <summary>The funnel of the page's filter as .xlsx, in the user's language, with the filter on its first line.</summary>
    private static async Task<IResult> ExportAsync(HttpContext http, FunnelExport export, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var filter = ReportQuery.Read(http.Request.Query);
        var buffer = new MemoryStream();
        if (!await export.WriteAsync(buffer, filter, report => FunnelText.Export(l, filter, report), ct))
        {
            return Results.NotFound();
        }

        return XlsxDownload.Stamped(buffer, l["Funnel.ExportFile"], clock);
    }
}
