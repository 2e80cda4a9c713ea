using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Funnel;

/// <summary>The texts of a funnel export in the user's language; the web layer supplies them from its resources.</summary>
public sealed record FunnelExportText(
    string SheetName, string FilterLine, IReadOnlyList<string> StageHeaders, string CohortHeader, string CohortSizeHeader,
    bool English, Func<DropReason, string> Reason, Func<int, string> Bucket);

/// <summary>
/// The funnel as an .xlsx sheet: a line stating the filter, the stage table (counts, 万元 and percentages as real
/// numbers with formats), a blank row, then the cohort table.
/// </summary>
public sealed class FunnelExport(FunnelQueries queries)
{
    private const uint TextStyle = 0, MoneyStyle = 1, CountStyle = 2, PercentStyle = 3, HeaderStyle = 4;

    public async Task<bool> WriteAsync(Stream output, Reporting.ReportFilter filter, Func<FunnelReport, FunnelExportText> text, CancellationToken ct = default)
    {
        var report = await queries.ReportAsync(filter, ct);
        if (report is null)
        {
            return false;
        }

        Write(output, report, text(report));
        return true;
    }

    public static void Write(Stream output, FunnelReport report, FunnelExportText text)
    {
        using var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row([Text(text.FilterLine)]));
        data.Append(Row(text.StageHeaders.Concat(Enum.GetValues<DropReason>().Select(text.Reason)).Select(h => Text(h, HeaderStyle))));
        foreach (var s in report.Stages)
        {
            data.Append(Row(
            [
                Text(text.English && !string.IsNullOrWhiteSpace(s.NameEn) ? s.NameEn : s.NameZh), Number(s.Reached, CountStyle),
                Number(s.PlannedInvestmentWan, MoneyStyle), Percent(s.ToNextPercent), Percent(s.FromFirstPercent), Number(s.Stays, CountStyle),
                Text(s.MedianBucket is { } m ? text.Bucket(m) : ""), Text(s.P90Bucket is { } p ? text.Bucket(p) : ""), Number(s.DropsTotal, CountStyle),
                .. Enum.GetValues<DropReason>().Select(r => Number(s.Drops[r], CountStyle)),
            ]));
        }

        data.Append(Row([]));
        data.Append(Row(new[] { text.CohortHeader, text.CohortSizeHeader }.Concat(report.Stages.Select(s => text.English && !string.IsNullOrWhiteSpace(s.NameEn) ? s.NameEn : s.NameZh)).Select(h => Text(h, HeaderStyle))));
        foreach (var c in report.Cohorts)
        {
            data.Append(Row([Text(c.QuarterText), Number(c.Size, CountStyle), .. c.Reached.Select(n => Number(n, CountStyle))]));
        }

        sheet.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = text.SheetName }));
        workbook.Workbook.Save();
    }

    private static Row Row(IEnumerable<Cell> cells) => new(cells);

    private static Cell Text(string? value, uint style = TextStyle) => new()
    {
        DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value ?? "")),
    };

    private static Cell Number(decimal value, uint style) =>
        new() { DataType = CellValues.Number, StyleIndex = style, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };

    /// <summary>Stored as a fraction with a percent format, so Excel can compute with it; empty when undefined.</summary>
    private static Cell Percent(decimal? percent) => percent is null ? new Cell() : Number(percent.Value / 100, PercentStyle);

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0%" }) { Count = 3 },
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
