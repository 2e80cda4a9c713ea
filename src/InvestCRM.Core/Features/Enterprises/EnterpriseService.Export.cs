using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;
using static InvestCRM.Features.Common.Xlsx;

namespace InvestCRM.Features.Enterprises;

/// <summary>An export's words in the user's language, supplied by the web layer (Core has no UI resources).</summary>
public sealed record EnterpriseExportText(
    string SheetName, string FilterLine, IReadOnlyList<string> ImportHeaders, string ProjectsHeader, string CreatedHeader,
    Func<EnterpriseSize, string> Size, Func<bool, string> YesNo);

public sealed partial class EnterpriseService
{
    public const int MaxExportRows = 50_000;

    /// <summary>
    /// The enterprises the search finds, newest first, as .xlsx: a line stating the search, then the import's columns
    /// under the import's headers (so an edited export can be imported; firms already there are skipped; the contact
    /// columns hold the firm's first contact), then the number of projects and the date entered. Written row by row
    /// as they are read.
    /// </summary>
    public async Task WriteXlsxAsync(Stream output, EnterpriseSearch search, EnterpriseExportText text, CancellationToken ct = default)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = Workbook(document);
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, [TextCell(text.FilterLine)]);
            WriteRow(writer, text.ImportHeaders.Append(text.ProjectsHeader).Append(text.CreatedHeader).Select(h => TextCell(h, HeaderStyle)));
            var nodes = await ChainNodeNames.LoadAsync(db, ct);
            var rows = (await MatchingAsync(search, ct)).OrderByDescending(e => e.Id).Take(MaxExportRows)
                .Select(e => new
                {
                    Enterprise = e, Projects = db.Projects.Count(p => p.EnterpriseId == e.Id),
                    Contact = db.Contacts.Where(c => c.EnterpriseId == e.Id).OrderBy(c => c.Id).FirstOrDefault(),
                    Nodes = string.Join(",", db.EnterpriseChainNodes.Where(l => l.EnterpriseId == e.Id).Select(l => l.ChainNodeId.ToString())),
                })
                .AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(ct))
            {
                var e = row.Enterprise;
                WriteRow(writer,
                [
                    TextCell(e.Name), TextCell(e.CreditCode), TextCell(e.Industry), TextCell(e.HqProvince), TextCell(e.HqCity),
                    TextCell(e.Size is { } size ? text.Size(size) : null), TextCell(e.Website), TextCell(e.Description), TextCell(e.Tags),
                    TextCell(row.Contact?.Name), TextCell(row.Contact?.Title), TextCell(row.Contact?.Phone), TextCell(row.Contact?.Email),
                    TextCell(text.YesNo(e.IsLocal)), TextCell(NodeLabels(row.Nodes, nodes)),
                    NumberCell(row.Projects, WholeStyle), DateCell(e.CreatedAt.ToOffset(ChinaTime.Offset).DateTime, DateTimeStyle),
                ]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        Finish(workbook, sheet, text.SheetName);
    }

    /// <summary>"链/环节、链/环节" from the ids the query joined, in id order.</summary>
    private static string? NodeLabels(string? ids, ChainNodeNames nodes) => string.IsNullOrEmpty(ids) ? null
        : string.Join("、", ids.Split(',').Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).Order().Select(nodes.Label));

}
