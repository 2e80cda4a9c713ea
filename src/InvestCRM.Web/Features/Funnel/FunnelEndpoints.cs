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
    private static async Task<IResult> ExportAsync(HttpContext http, FunnelExport export, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var filter = ReportQuery.Read(http.Request.Query);
        // The zip package behind .xlsx needs a seekable stream; it is built in memory, then sent.
        var buffer = new MemoryStream();
        if (!await export.WriteAsync(buffer, filter, report => FunnelText.Export(l, filter, report), ct))
        {
            return Results.NotFound();
        }

        buffer.Position = 0;
        var name = $"{l["Funnel.ExportFile"]}-{DateTime.Now:yyyyMMdd-HHmm}.xlsx";
        return Results.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
