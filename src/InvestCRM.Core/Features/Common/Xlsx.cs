using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InvestCRM.Features.Common;

/// <summary>What the .xlsx exports share: a workbook with one stylesheet, and cells written with its styles.</summary>
public static class Xlsx
{
    // Style indexes into the stylesheet of Workbook().
    public const uint TextStyle = 0, HeaderStyle = 1, WholeStyle = 2, DecimalStyle = 3, PercentStyle = 4, DateStyle = 5, DateTimeStyle = 6;

    /// <summary>A new workbook in the document, with the shared stylesheet.</summary>
    public static WorkbookPart Workbook(SpreadsheetDocument document)
    {
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        return workbook;
    }

    /// <summary>Names the written sheet as the workbook's only one and saves the workbook.</summary>
    public static void Finish(WorkbookPart workbook, WorksheetPart sheet, string name)
    {
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = name }));
        workbook.Workbook.Save();
    }

    /// <summary>A row of a sheet written by an <see cref="OpenXmlWriter"/> (exports stream their rows as they are read).</summary>
    public static void WriteRow(OpenXmlWriter writer, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    // Inline strings keep a writer single-pass: no shared-string table to build first.
    public static Cell TextCell(string? value, uint style = TextStyle) => new()
    {
        DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(value ?? "")),
    };

    /// <summary>A number, empty when there is none; without trailing zeros (a database's decimal scale is not part of it).</summary>
    public static Cell NumberCell(decimal? value, uint style) => value is null
        ? new Cell()
        : new Cell { DataType = CellValues.Number, StyleIndex = style, CellValue = new CellValue(value.Value.ToString("0.############", CultureInfo.InvariantCulture)) };

    /// <summary>Stored as a fraction with a percent format, so Excel can compute with it; empty when undefined.</summary>
    public static Cell PercentCell(decimal? percent) => NumberCell(percent / 100, PercentStyle);

    /// <summary>Excel stores dates as OLE automation day numbers with a date format.</summary>
    public static Cell DateCell(DateTime? value, uint style) => value is null
        ? new Cell()
        : new Cell { StyleIndex = style, CellValue = new CellValue(value.Value.ToOADate().ToString(CultureInfo.InvariantCulture)) };

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 168, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 5 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 168, ApplyNumberFormat = true }) { Count = 7 });
}
