using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Projects;
using static InvestCRM.Features.Common.Xlsx;

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
        var workbook = Workbook(document);
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row([TextCell(text.FilterLine)]));
        data.Append(Row(text.StageHeaders.Concat(Enum.GetValues<DropReason>().Select(text.Reason)).Select(h => TextCell(h, HeaderStyle))));
        foreach (var s in report.Stages)
        {
            data.Append(Row(
            [
                TextCell(text.English && !string.IsNullOrWhiteSpace(s.NameEn) ? s.NameEn : s.NameZh), NumberCell(s.Reached, WholeStyle),
                NumberCell(s.PlannedInvestmentWan, DecimalStyle), PercentCell(s.ToNextPercent), PercentCell(s.FromFirstPercent), NumberCell(s.Stays, WholeStyle),
                TextCell(s.MedianBucket is { } m ? text.Bucket(m) : ""), TextCell(s.P90Bucket is { } p ? text.Bucket(p) : ""), NumberCell(s.DropsTotal, WholeStyle),
                .. Enum.GetValues<DropReason>().Select(r => NumberCell(s.Drops[r], WholeStyle)),
            ]));
        }

        data.Append(Row([]));
        data.Append(Row(new[] { text.CohortHeader, text.CohortSizeHeader }.Concat(report.Stages.Select(s => text.English && !string.IsNullOrWhiteSpace(s.NameEn) ? s.NameEn : s.NameZh)).Select(h => TextCell(h, HeaderStyle))));
        foreach (var c in report.Cohorts)
        {
            data.Append(Row([TextCell(c.QuarterText), NumberCell(c.Size, WholeStyle), .. c.Reached.Select(n => NumberCell(n, WholeStyle))]));
        }

        sheet.Worksheet = new Worksheet(data);
        Finish(workbook, sheet, text.SheetName);
    }

    private static Row Row(IEnumerable<Cell> cells) => new(cells);
}
