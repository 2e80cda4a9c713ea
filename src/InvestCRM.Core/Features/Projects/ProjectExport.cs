using System.Globalization;
using DocumentFormat.OpenXml;
using InvestCRM.Features.Common;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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

    private const uint TextStyle = 0, MoneyStyle = 1, DateStyle = 2, DateTimeStyle = 3, HeaderStyle = 4;

    public async Task WriteAsync(Stream output, ProjectFilter filter, ExportText text, CancellationToken ct = default)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
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

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = text.SheetName }));
        workbook.Workbook.Save();
    }

    private static IEnumerable<Cell> Cells(ProjectListRow row, ExportText text) =>
    [
        TextCell(row.Title), TextCell(row.EnterpriseName), TextCell(text.English ? row.StageEn : row.StageZh),
        TextCell(text.Status(row.Status)), TextCell(text.Source(row.Source)), TextCell(row.OwnerName),
        TextCell(Pick(row.ParkName, row.ParkNameEn, text.English)), TextCell(Pick(row.ChainName, row.ChainNameEn, text.English)),
        NumberCell(row.PlannedInvestmentWan), DateCell(row.NextActionOn?.ToDateTime(TimeOnly.MinValue), DateStyle),
        DateCell(row.CreatedAt.ToOffset(ChinaTime.Offset).DateTime, DateTimeStyle), DateCell(row.UpdatedAt.ToOffset(ChinaTime.Offset).DateTime, DateTimeStyle),
    ];

    private static string? Pick(string? zh, string? en, bool english) => english && !string.IsNullOrWhiteSpace(en) ? en : zh;

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    // Inline strings keep the writer single-pass: no shared-string table to build first.
    private static Cell TextCell(string? value, uint style = TextStyle) => new()
    {
        DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(value ?? "")),
    };

    private static Cell NumberCell(decimal? value) => value is null
        ? new Cell()
        : new Cell { DataType = CellValues.Number, StyleIndex = MoneyStyle, CellValue = new CellValue(value.Value.ToString(CultureInfo.InvariantCulture)) };

    // Excel stores dates as OLE automation day numbers with a date format.
    private static Cell DateCell(DateTime? value, uint style) => value is null
        ? new Cell()
        : new Cell { StyleIndex = style, CellValue = new CellValue(value.Value.ToOADate().ToString(CultureInfo.InvariantCulture)) };

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 5 });
}
