using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Common;
using static InvestCRM.Features.Common.Xlsx;

namespace InvestCRM.Features.Projects;

/// <summary>The texts of an export in the user's language; the web layer supplies them so Core stays free of UI resources.</summary>
public sealed record ExportText(
    string SheetName, string FilterLine, IReadOnlyList<string> Headers, bool English,
    Func<ProjectStatus, string> Status, Func<ProjectSource, string> Source);

/// <summary>
/// The current project filter as an .xlsx sheet: a line stating the filter, a header row, then one row per project
/// (numbers and dates as real cells). Rows are read from the database and written to the sheet one at a time.
/// </summary>
public sealed class ProjectExport(ProjectQueries queries)
{
    public const int MaxRows = 50_000;
    public const int ColumnCount = 12;

    public async Task WriteAsync(Stream output, ProjectFilter filter, ExportText text, CancellationToken ct = default)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = Workbook(document);
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, [TextCell(text.FilterLine, TextStyle)]);
            WriteRow(writer, text.Headers.Select(h => TextCell(h, HeaderStyle)));
            await foreach (var row in queries.ExportRows(filter with { Page = 1 }, MaxRows).WithCancellation(ct))
            {
                WriteRow(writer, Cells(row, text));
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        Finish(workbook, sheet, text.SheetName);
    }

    private static IEnumerable<Cell> Cells(ProjectListRow row, ExportText text) =>
    [
        TextCell(row.Title), TextCell(row.EnterpriseName), TextCell(text.English ? row.StageEn : row.StageZh),
        TextCell(text.Status(row.Status)), TextCell(text.Source(row.Source)), TextCell(row.OwnerName),
        TextCell(Pick(row.ParkName, row.ParkNameEn, text.English)), TextCell(Pick(row.ChainName, row.ChainNameEn, text.English)),
        NumberCell(row.PlannedInvestmentWan, DecimalStyle), DateCell(row.NextActionOn?.ToDateTime(TimeOnly.MinValue), DateStyle),
        DateCell(row.CreatedAt.ToOffset(ChinaTime.Offset).DateTime, DateTimeStyle), DateCell(row.UpdatedAt.ToOffset(ChinaTime.Offset).DateTime, DateTimeStyle),
    ];

    private static string? Pick(string? zh, string? en, bool english) => english && !string.IsNullOrWhiteSpace(en) ? en : zh;
}
