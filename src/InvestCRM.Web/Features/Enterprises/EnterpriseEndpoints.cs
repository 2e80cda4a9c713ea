using InvestCRM.Features.Chains;
using InvestCRM.Features.Enterprises;
using InvestCRM.Web.Features.Chains;
using InvestCRM.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Enterprises;

public static class EnterpriseEndpoints
{
    /// <summary>The search results fragment htmx swaps in while the user types on /enterprises.</summary>
    public static IEndpointRouteBuilder MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/enterprises/results", async (string? q, string? local, string? node, string? page, EnterpriseService enterprises, HttpContext context) =>
        {
            var search = EnterpriseResults.Read(q, local, node);
            var result = await enterprises.SearchAsync(search, QueryText.Int(page) ?? 1);
            // The address bar shows the full page for this search, so reload and sharing work.
            context.Response.Headers["HX-Push-Url"] = EnterpriseResults.PageUrl(search, result.Page);
            return new RazorComponentResult<EnterpriseResults>(new { Result = result, Search = search });
        }).RequireAuthorization(Policies.Internal);
        app.MapGet("/enterprises/import/template", ImportTemplate).RequireAuthorization(Policies.Internal);
        app.MapGet("/enterprises/export", ExportAsync).RequireAuthorization(Policies.Internal);
        return app;
    }

    /// <summary>The enterprises a search finds (all of them without one) as .xlsx, headed like the import's template.</summary>
    private static async Task<IResult> ExportAsync(string? q, string? local, string? node, EnterpriseService enterprises, ChainService chains,
        IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var search = EnterpriseResults.Read(q, local, node);
        var filter = await FilterLineAsync(search, chains, l, ct);
        var text = new EnterpriseExportText(l["Nav.Enterprises"], filter, EnterpriseImport.Columns.Select(c => ImportHeader(l, c)).ToList(),
            l["Enterprise.Projects"], l["Field.Enterprise.CreatedAt"], s => l.Enum(s), local => local ? l["Common.Yes"] : l["Common.No"]);
        var buffer = new MemoryStream();
        await enterprises.WriteXlsxAsync(buffer, search, text, ct);
        return XlsxDownload.Stamped(buffer, l["Enterprise.ExportFile"], clock);
    }

    /// <summary>The export's first line: the whole register, or each part of the search.</summary>
    private static async Task<string> FilterLineAsync(EnterpriseSearch search, ChainService chains, IStringLocalizer l, CancellationToken ct)
    {
        if (search.IsEmpty)
        {
            return l["Enterprise.Export.All"];
        }

        var parts = new List<string>
        {
            string.IsNullOrWhiteSpace(search.Text) ? l["Nav.Enterprises"] : l["Enterprise.Export.Search", search.Text.Trim()],
        };
        if (search.LocalOnly)
        {
            parts.Add(l["Enterprise.LocalOnly"]);
        }

        if (search.NodeId is { } id)
        {
            var node = await chains.FindNodeAsync(id, ct);
            parts.Add(l["Field.Enterprise.ChainNodeIds"] + Display.Colon + (node is null ? "—" : ChainEndpoints.NodeName(node)));
        }

        return string.Join(Display.Separator, parts);
    }

    /// <summary>An empty sheet with the import's columns, headed in the user's language (the import reads either).</summary>
    private static IResult ImportTemplate(IStringLocalizer<SharedResource> l)
    {
        var buffer = new MemoryStream();
        EnterpriseImport.WriteTemplate(buffer, EnterpriseImport.Columns.Select(c => ImportHeader(l, c)).ToList(), l["Enterprise.Import.Sheet"]);
        return XlsxDownload.File(buffer, $"{l["Enterprise.Import.TemplateFile"]}.xlsx");
    }

    /// <summary>The column's form label, starred when a row needs it.</summary>
    public static string ImportHeader(IStringLocalizer l, ImportColumn column) =>
        l[column.Label] + (column.Required ? " *" : "");
}
