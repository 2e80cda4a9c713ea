using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InvestCRM.Tests.Fixtures;

/// <summary>What an .xlsx export holds, as tests compare it.</summary>
public static class SheetRows
{
    /// <summary>Every row of the first sheet as its cells' stored text (inline strings as written, numbers invariant).</summary>
    public static List<string[]> Read(Stream workbook)
    {
        using var document = SpreadsheetDocument.Open(workbook, false);
        return document.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToArray())
            .ToList();
    }
}
