using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Home;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;
using Fixture = InvestCRM.Tests.Features.Ledger.CountingFixtureTests.Fixture;

namespace InvestCRM.Tests.Features.Home;

/// <summary>Every cell of the completion export for the fixture's targets, read back with OpenXml, with its number format.</summary>
public sealed class DashboardExportTests
{
    private static readonly string[] Headers = ["指标", "范围", "期限", "完成值", "目标值", "完成率", "进度"];

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Completion_export_has_the_filter_line_headers_and_formatted_numbers(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider, InvestCRM.Features.Plans.CreditRule.Split);
        await DashboardTargets.AddAsync(fixture);
        var dashboard = DashboardServiceTests.Service(fixture);
        var rows = await dashboard.CompletionAsync((await dashboard.ScopeAsync(new ReportFilter(Period: "all")))!);

        var cells = Read(Write(rows));

        Assert.Equal(
        [
            ["筛选条件：全部"],
            Headers,
            ["ProjectsIntroduced", "Plan", "c2", "6|#,##0", "10|#,##0", "0.6|0.0%", "落后"],
            ["InvestmentWan", "Park 一号园区", "c2", "2300|#,##0.00", "4600|#,##0.00", "0.5|0.0%", "落后"],
            ["ProjectsIntroduced", "Park 二号园区", "y2", "2.4|#,##0.00", "4|#,##0", "0.6|0.0%", "落后"],
            ["ProjectsIntroduced", "Park 一号园区东区", "y2", "0|#,##0", "5|#,##0", "0|0.0%", "落后"],
            ["ProjectsIntroduced", "Incubator 北京孵化器", "y1", "1|#,##0", "1|#,##0", "1|0.0%", "达到"],
        ], cells);
    }

    private static MemoryStream Write(IReadOnlyList<TargetCompletion> rows)
    {
        var text = new CompletionExportText("目标完成情况", "筛选条件：全部", Headers, "达到", "落后",
            t => t.Metric.ToString(), t => t.Unit is null ? t.Scope.ToString() : $"{t.Scope} {t.Unit.Zh}",
            t => (t.Period == TargetPeriod.PlanYear ? "y" : "c") + t.Year);
        var buffer = new MemoryStream();
        new DashboardExport().Write(buffer, rows, text);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Text cells as their text; number cells as "value|number format".</summary>
    internal static List<string[]> Read(Stream xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var codes = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!);
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        return sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
            ? c.InlineString!.InnerText
            : $"{c.CellValue!.Text}|{codes[formats[(int)c.StyleIndex!.Value].NumberFormatId!.Value]}").ToArray()).ToList();
    }
}
