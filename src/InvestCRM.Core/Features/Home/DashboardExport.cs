using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Targets;
using static InvestCRM.Features.Common.Xlsx;

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

    public void Write(Stream output, IReadOnlyList<TargetCompletion> rows, CompletionExportText text)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = Workbook(document);
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData(new Row(TextCell(text.FilterLine, TextStyle)), new Row(text.Headers.Select(h => TextCell(h, HeaderStyle))));
        data.Append(rows.Select(row => new Row(Cells(row, text))));
        sheet.Worksheet = new Worksheet(
            new Columns(new Column { Min = 1, Max = 3, Width = 28, CustomWidth = true }, new Column { Min = 4, Max = 7, Width = 14, CustomWidth = true }),
            data);
        Finish(workbook, sheet, text.SheetName);
    }

    private static IEnumerable<Cell> Cells(TargetCompletion row, CompletionExportText text) =>
    [
        TextCell(text.Metric(row.Target)), TextCell(text.Scope(row.Target)), TextCell(text.Period(row.Target)),
        NumberCell(row.Actual, StyleOf(row.Target.Metric, row.Actual)), NumberCell(row.Target.Value, StyleOf(row.Target.Metric, row.Target.Value)),
        PercentCell(row.Percent), TextCell(row.OnPace ? text.OnPace : text.Behind),
    ];

    /// <summary>Counts read as whole numbers unless credit was split; money and land always with two decimals.</summary>
    private static uint StyleOf(TargetMetric metric, decimal value) =>
        metric is TargetMetric.InvestmentWan or TargetMetric.OutputValueWan or TargetMetric.TaxWan or TargetMetric.LandMu || value != decimal.Truncate(value)
            ? DecimalStyle
            : WholeStyle;
}
