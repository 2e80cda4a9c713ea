using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Home;

/// <summary>The texts of the completion export in the user's language; the web layer supplies them (Core has no UI resources).</summary>
public sealed record CompletionExportText(
    string SheetName, string FilterLine, IReadOnlyList<string> Headers, string OnPace, string Behind,
    Func<TargetRow, string> Metric, Func<TargetRow, string> Scope, Func<TargetRow, string> Period);

/// <summary>
/// Target completion as an .xlsx sheet: the filter used on the first line, a header row, then one row per target with
/// counted value, target value and percentage as real numbers (formatted, so Excel can still add them up).
/// </summary>
public sealed class DashboardExport
{
    public const int ColumnCount = 7;

    // Style indexes into the stylesheet below.
    private const uint TextStyle = 0, HeaderStyle = 1, WholeStyle = 2, DecimalStyle = 3, PercentStyle = 4;

    public void Write(Stream output, IReadOnlyList<TargetCompletion> rows, CompletionExportText text)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData(new Row(TextCell(text.FilterLine, TextStyle)), new Row(text.Headers.Select(h => TextCell(h, HeaderStyle))));
        data.Append(rows.Select(row => new Row(Cells(row, text))));
        sheet.Worksheet = new Worksheet(
            new Columns(new Column { Min = 1, Max = 3, Width = 28, CustomWidth = true }, new Column { Min = 4, Max = 7, Width = 14, CustomWidth = true }),
            data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = text.SheetName }));
        workbook.Workbook.Save();
    }

    private static IEnumerable<Cell> Cells(TargetCompletion row, CompletionExportText text) =>
    [
        TextCell(text.Metric(row.Target)), TextCell(text.Scope(row.Target)), TextCell(text.Period(row.Target)),
        NumberCell(row.Actual, StyleOf(row.Target.Metric, row.Actual)), NumberCell(row.Target.Value, StyleOf(row.Target.Metric, row.Target.Value)),
        NumberCell(row.Percent / 100, PercentStyle), TextCell(row.OnPace ? text.OnPace : text.Behind),
    ];

    /// <summary>Counts read as whole numbers unless credit was split; money and land always with two decimals.</summary>
    private static uint StyleOf(TargetMetric metric, decimal value) =>
        metric is TargetMetric.InvestmentWan or TargetMetric.OutputValueWan or TargetMetric.TaxWan or TargetMetric.LandMu || value != decimal.Truncate(value)
            ? DecimalStyle
            : WholeStyle;

    private static Cell TextCell(string? value, uint style = TextStyle) => new()
    {
        DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(value ?? "")),
    };

    // Without trailing zeros: a database's decimal scale (10.0 or 10.00) is not part of the number.
    private static Cell NumberCell(decimal value, uint style) => new()
    {
        DataType = CellValues.Number, StyleIndex = style, CellValue = new CellValue(value.ToString("0.############", CultureInfo.InvariantCulture)),
    };

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0%" }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true }) { Count = 5 });
}
