using InvestCRM.Features.Chains;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Chains;

public static class ChainEndpoints
{
    public static IEndpointRouteBuilder MapChainEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chain-nodes/{id:int}/export", ExportAsync).RequireAuthorization(Policies.Internal);
        return app;
    }

    /// <summary>"产业链 / 环节" in the user's language, as the exports name a node.</summary>
    public static string NodeName(ChainNodeDetail node) =>
        $"{Display.Name(node.ChainName, node.ChainNameEn)} / {Display.Name(node.Node.Name, node.Node.NameEn)}";

    /// <summary>Why a firm counts as local: marked so, a project counted, or both.</summary>
    public static string WhyLocal(IStringLocalizer l, CoverageFirm firm) => string.Join(" · ",
        new[] { firm.Flagged ? l["Field.Enterprise.IsLocal"].Value : null, firm.Introduced ? l["Chain.Introduced"].Value : null }.OfType<string>());

    /// <summary>A chain node's local firms, open projects and target firms in full, as .xlsx (the page lists the first 200 of each).</summary>
    private static async Task<IResult> ExportAsync(int id, ChainCoverage coverage, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var text = new NodeExportText(l["Chain.ExportSheet"],
            c => $"{NodeName(c.Node)} · {l.Enum(c.Figures.Standing)} · "
                + l["Chain.NodeFigures", c.Figures.LocalFirms, c.Figures.OpenProjects, c.Figures.OtherFirms],
            [l["Chain.Kind"], l["Field.Enterprise.Name"], l["Field.Enterprise.CreditCode"], l["Field.Enterprise.HqCity"], l["Chain.WhyOrStage"],
                l["Projects.Title"], l["Projects.Updated"]],
            l["Chain.LocalFirms"], l["Chain.OpenProjects"], l["Chain.OtherFirms"], firm => WhyLocal(l, firm), p => Display.Name(p.StageZh, p.StageEn));
        var buffer = new MemoryStream();
        return await coverage.WriteXlsxAsync(buffer, id, text, ct)
            ? XlsxDownload.File(buffer, $"{l["Chain.ExportFile"]}-{id}.xlsx")
            : Results.NotFound();
    }
}
