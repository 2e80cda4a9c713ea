using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;
using static InvestCRM.Features.Common.Xlsx;

namespace InvestCRM.Features.Chains;

/// <summary>Where a chain node stands: it has local firms, open projects are working to bring one, or it is a gap to fill (补链).</summary>
public enum NodeStanding
{
    Covered,
    Filling,
    Gap,
}

/// <summary>
/// A node's firms and projects. A firm works in a node when it is linked to it or has a project on it; it is local when
/// flagged so (本地企业) or when one of its projects has been counted as introduced (the ledger's entry at the default
/// counting stage, not reversed). Open projects are active projects on the node at a stage before the default counting
/// stage (在谈: not yet signed, where 签约 counts).
/// </summary>
public sealed record NodeFigures(int LocalFirms, int OpenProjects, int OtherFirms)
{
    public static readonly NodeFigures None = new(0, 0, 0);

    public NodeStanding Standing => LocalFirms > 0 ? NodeStanding.Covered : OpenProjects > 0 ? NodeStanding.Filling : NodeStanding.Gap;
}

/// <summary>A firm working in a node; <paramref name="Flagged"/>: marked local, <paramref name="Introduced"/>: a project of it counted.</summary>
public sealed record CoverageFirm(int Id, string Name, string? CreditCode, string? HqCity, bool Flagged, bool Introduced);

public sealed record CoverageProject(int Id, string Title, int EnterpriseId, string EnterpriseName, string? CreditCode, string? HqCity,
    string StageZh, string StageEn, DateTimeOffset UpdatedAt);

/// <summary>One node's lists, each capped (<see cref="ChainCoverage.ListLimit"/> on the page); the figures hold the full counts.</summary>
public sealed record NodeCoverage(ChainNodeDetail Node, NodeFigures Figures, IReadOnlyList<CoverageFirm> LocalFirms,
    IReadOnlyList<CoverageProject> OpenProjects, IReadOnlyList<CoverageFirm> OtherFirms);

/// <summary>A node export's words in the user's language, supplied by the web layer (Core has no UI resources).</summary>
public sealed record NodeExportText(string SheetName, Func<NodeCoverage, string> TitleLine, IReadOnlyList<string> Headers,
    string LocalKind, string OpenKind, string TargetKind, Func<CoverageFirm, string> WhyLocal, Func<CoverageProject, string> Stage);

/// <summary>The chain map's coverage (产业链图谱): which nodes have local firms, which are being filled, which are gaps.</summary>
public sealed class ChainCoverage(CrmDbContext db, ChainService chains, TargetProgress progress)
{
    public const int ListLimit = 200;

    /// <summary>The most rows of each list an export writes (the enterprise export's own limit).</summary>
    public const int ExportLimit = 50_000;

    /// <summary>Figures of every node asked for; a node no firm or project touches gets <see cref="NodeFigures.None"/>.</summary>
    public async Task<IReadOnlyDictionary<int, NodeFigures>> FiguresAsync(IReadOnlyCollection<int> nodeIds, CancellationToken ct = default)
    {
        var stage = await progress.DefaultCountingStageAsync(ct);
        // One pass over the links' firms: whether each is local is decided once, not once to count and again to list.
        var firms = await Firms(nodeIds, stage).GroupBy(f => f.NodeId)
            .Select(g => new { Node = g.Key, All = g.Count(), Local = g.Count(f => f.Flagged || f.Introduced) })
            .ToDictionaryAsync(g => g.Node, ct);
        var open = await OpenProjects(nodeIds, await progress.OpenStagesAsync(ct)).GroupBy(p => p.ChainNodeId!.Value)
            .Select(g => new { Node = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Node, g => g.Count, ct);
        return nodeIds.Distinct().ToDictionary(id => id, id => firms.TryGetValue(id, out var f)
            ? new NodeFigures(f.Local, open.GetValueOrDefault(id), f.All - f.Local)
            : NodeFigures.None with { OpenProjects = open.GetValueOrDefault(id) });
    }

    public async Task<NodeCoverage?> NodeAsync(int nodeId, CancellationToken ct = default) => await NodeAsync(nodeId, ListLimit, ct);

    private async Task<NodeCoverage?> NodeAsync(int nodeId, int limit, CancellationToken ct)
    {
        if (await chains.FindNodeAsync(nodeId, ct) is not { } node)
        {
            return null;
        }

        var stage = await progress.DefaultCountingStageAsync(ct);
        var figures = (await FiguresAsync([nodeId], ct))[nodeId];
        var firms = Firms([nodeId], stage);
        var local = await Listed(firms.Where(f => f.Flagged || f.Introduced), limit, ct);
        var others = await Listed(firms.Where(f => !f.Flagged && !f.Introduced), limit, ct);
        var open = await OpenProjects([nodeId], await progress.OpenStagesAsync(ct))
            .OrderByDescending(p => p.Stage!.Order).ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Take(limit)
            .Select(p => new CoverageProject(p.Id, p.Title, p.EnterpriseId, p.Enterprise!.Name, p.Enterprise.CreditCode, p.Enterprise.HqCity,
                p.Stage!.NameZh, p.Stage.NameEn, p.UpdatedAt))
            .ToListAsync(ct);
        return new NodeCoverage(node, figures, local, open, others);
    }

    /// <summary>
    /// The node's three lists in full (up to <see cref="ExportLimit"/> rows each) as .xlsx, for a meeting: a line naming
    /// the node and its figures, then one row per local firm, open project and target firm, each saying which it is.
    /// False when there is no such node.
    /// </summary>
    public async Task<bool> WriteXlsxAsync(Stream output, int nodeId, NodeExportText text, CancellationToken ct = default)
    {
        if (await NodeAsync(nodeId, ExportLimit, ct) is not { } coverage)
        {
            return false;
        }

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = Workbook(document);
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, [TextCell(text.TitleLine(coverage))]);
            WriteRow(writer, text.Headers.Select(h => TextCell(h, HeaderStyle)));
            foreach (var firm in coverage.LocalFirms)
            {
                WriteRow(writer, [TextCell(text.LocalKind), TextCell(firm.Name), TextCell(firm.CreditCode), TextCell(firm.HqCity), TextCell(text.WhyLocal(firm))]);
            }

            foreach (var project in coverage.OpenProjects)
            {
                WriteRow(writer,
                [
                    TextCell(text.OpenKind), TextCell(project.EnterpriseName), TextCell(project.CreditCode), TextCell(project.HqCity), TextCell(text.Stage(project)),
                    TextCell(project.Title), DateCell(project.UpdatedAt.ToOffset(ChinaTime.Offset).DateTime, DateTimeStyle),
                ]);
            }

            foreach (var firm in coverage.OtherFirms)
            {
                WriteRow(writer, [TextCell(text.TargetKind), TextCell(firm.Name), TextCell(firm.CreditCode), TextCell(firm.HqCity)]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        Finish(workbook, sheet, text.SheetName);
        return true;
    }

    private static Task<List<CoverageFirm>> Listed(IQueryable<NodeFirm> firms, int limit, CancellationToken ct) =>
        firms.OrderBy(f => f.Name).ThenBy(f => f.EnterpriseId).Take(limit)
            .Select(f => new CoverageFirm(f.EnterpriseId, f.Name, f.CreditCode, f.HqCity, f.Flagged, f.Introduced)).ToListAsync(ct);

    /// <summary>
    /// Each firm once per node it works in: linked to the node, or with a project on it. Local is <see cref="LocalFirms"/>'s
    /// rule, marked (Flagged) or a project counted (Introduced), applied here to the firm's id in hand: through a
    /// subquery of the register's introduced firms, PostgreSQL semi-joined all of them instead
    /// (a link's page 0.38 → 2.7 s at 200,000 firms).
    /// </summary>
    private IQueryable<NodeFirm> Firms(IReadOnlyCollection<int> nodeIds, int stage)
    {
        var counted = LocalFirms.Counted(db, stage);
        return from w in db.EnterpriseChainNodes.Where(l => nodeIds.Contains(l.ChainNodeId))
                .Select(l => new { l.EnterpriseId, NodeId = l.ChainNodeId })
                .Union(db.Projects.Where(p => p.ChainNodeId != null && nodeIds.Contains(p.ChainNodeId.Value))
                    .Select(p => new { p.EnterpriseId, NodeId = p.ChainNodeId!.Value }))
            join e in db.Enterprises on w.EnterpriseId equals e.Id
            select new NodeFirm
            {
                NodeId = w.NodeId, EnterpriseId = e.Id, Name = e.Name, CreditCode = e.CreditCode, HqCity = e.HqCity, Flagged = e.IsLocal,
                Introduced = db.Projects.Where(counted).Any(p => p.EnterpriseId == e.Id),
            };
    }

    /// <summary>Read from the index on (ChainNodeId, Status, StageId) alone: a count of open projects touches no project row.</summary>
    private IQueryable<Project> OpenProjects(IReadOnlyCollection<int> nodeIds, IReadOnlyList<int> stagesBefore) =>
        db.Projects.Where(p => p.ChainNodeId != null && nodeIds.Contains(p.ChainNodeId.Value) && p.Status == ProjectStatus.Active
            && stagesBefore.Contains(p.StageId));

    // A member-init shape (not a record) so that EF can filter and group on the projection.
    private sealed class NodeFirm
    {
        public int NodeId { get; init; }
        public int EnterpriseId { get; init; }
        public string Name { get; init; } = "";
        public string? CreditCode { get; init; }
        public string? HqCity { get; init; }
        public bool Flagged { get; init; }
        public bool Introduced { get; init; }
    }
}
