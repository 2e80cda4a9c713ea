using InvestCRM.Features.Home;
using InvestCRM.Features.Reporting;
using InvestCRM.Web.Features.Reporting;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Home;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/dashboard").RequireAuthorization(Policies.Internal).MapGet("/export", ExportAsync);
        return app;
    }

    /// <summary>The dashboard's target completion for the filter in the query string, as .xlsx in the user's language.</summary>
    private static async Task<IResult> ExportAsync(
        HttpContext http, DashboardService dashboard, ReportOptionsQuery reportOptions, DashboardExport export,
        IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var filter = ReportQuery.Read(http.Request.Query);
        var options = await reportOptions.ForAsync(filter, ct);
        var scope = await dashboard.ScopeAsync(filter, ct);
        if (options is null || scope is null)
        {
            return Results.NotFound();
        }

        var rows = await dashboard.CompletionAsync(scope, ct);
        var text = new CompletionExportText(l["Completion.Title"], ReportFilterLine.Of(scope.Filter, options, l, clock.GetUtcNow()),
            [l["Target.Metric"], l["Target.Scope"], l["Target.Period"], l["Completion.Actual"], l["Target.Value"], l["Completion.Percent"], l["Completion.Pace"]],
            l["Completion.OnPace"], l["Dashboard.BehindPace"],
            t => l.Enum(t.Metric), t => l.Scope(t), t => l.Period(t));
        var buffer = new MemoryStream();
        export.Write(buffer, rows, text);
        return XlsxDownload.Stamped(buffer, l["Dashboard.ExportFile"], clock);
    }
}
