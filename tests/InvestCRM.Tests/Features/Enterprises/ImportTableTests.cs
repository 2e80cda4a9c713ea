using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Common;

namespace InvestCRM.Tests.Features.Enterprises;

public class ImportTableTests
{
    static ImportTableTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Task<(ImportTable? Table, Problem? Problem)> ReadAsync(string name, byte[] bytes) =>
        ImportTable.ReadAsync(name, bytes.Length, () => new MemoryStream(bytes), TestContext.Current.CancellationToken);

    private static List<string[]> Cells(ImportTable? table) => table!.Lines.Select(l => l.Cells.ToArray()).ToList();

    [Fact]
    public async Task A_chinese_excel_csv_in_gb18030_with_semicolons_and_quoted_line_breaks_is_read_as_written()
    {
        const string text = "企业名称;简介\r\n三明氟材料有限公司;\"氟化工；\r\n含税 1,200 万元\"\r\n沙县小吃集团有限公司;餐饮\r\n";

        var (table, problem) = await ReadAsync("名单.CSV", Encoding.GetEncoding("GB18030").GetBytes(text));

        Assert.Null(problem);
        Assert.Equal([["企业名称", "简介"], ["三明氟材料有限公司", "氟化工；\r\n含税 1,200 万元"], ["沙县小吃集团有限公司", "餐饮"]], Cells(table));
        Assert.Equal([1, 2, 4], table!.Lines.Select(l => l.Number));
    }

    [Fact]
    public async Task A_utf8_csv_keeps_its_text_without_the_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("企业名称,标签\n福建测试有限公司,\"专精特新,高新\"\n")).ToArray();

        var (table, _) = await ReadAsync("list.csv", bytes);

        Assert.Equal([["企业名称", "标签"], ["福建测试有限公司", "专精特新,高新"]], Cells(table));
    }

    [Fact]
    public async Task An_xlsx_is_read_from_its_first_sheet_with_shared_strings_numbers_and_gaps_in_place()
    {
        var bytes = Workbook(
            new Row(SharedCell("A1", 0), SharedCell("C1", 1)) { RowIndex = 1 },
            new Row(new Cell { CellReference = "A3", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("三明氟材料有限公司")) },
                new Cell { CellReference = "B3", CellValue = new CellValue("1200.5") }, SharedCell("C3", 2)) { RowIndex = 3 });

        var (table, problem) = await ReadAsync("名单.xlsx", bytes);

        Assert.Null(problem);
        Assert.Equal([["企业名称", "", "统一社会信用代码"], ["三明氟材料有限公司", "1200.5", "91350400MA3AB1234X"]], Cells(table));
        Assert.Equal([1, 3], table!.Lines.Select(l => l.Number));
    }

    [Fact]
    public async Task A_full_file_under_title_rows_is_read_whole_and_a_longer_one_is_marked_cut()
    {
        string Csv(int rows) => "三明市重点企业名单\n填报单位：招商局\n\n\n企业名称\n"
            + string.Concat(Enumerable.Range(1, rows).Select(i => $"企业{i}有限公司\n"));

        var (full, _) = await ReadAsync("full.csv", Encoding.UTF8.GetBytes(Csv(ImportTable.MaxRows)));
        var (over, _) = await ReadAsync("over.csv", Encoding.UTF8.GetBytes(Csv(ImportTable.MaxRows + 200)));

        Assert.False(full!.Truncated);
        Assert.Equal((ImportTable.MaxRows + 3, $"企业{ImportTable.MaxRows}有限公司"), (full.Lines.Count, full.Lines[^1].Cells[0]));
        Assert.True(over!.Truncated);
    }

    [Fact]
    public async Task Formatted_empty_rows_of_a_sheet_do_not_count_against_the_limit()
    {
        var empty = Enumerable.Range(2, ImportTable.MaxRows + 500).Select(i =>
            new Row(new Cell { CellReference = $"A{i}", StyleIndex = 0 }) { RowIndex = (uint)i });
        var last = (uint)ImportTable.MaxRows + 502;
        var rows = new[] { new Row(SharedCell("A1", 0)) { RowIndex = 1 } }.Concat(empty)
            .Append(new Row(SharedCell($"A{last}", 2)) { RowIndex = last }).ToArray();

        var (table, _) = await ReadAsync("formatted.xlsx", Workbook(rows));

        Assert.False(table!.Truncated);
        Assert.Equal([1, (int)last], table.Lines.Select(l => l.Number));
    }

    [Theory]
    [InlineData("list.xls", "Import.UnsupportedType")]
    [InlineData("list.xlsx", "Import.Unreadable")]
    [InlineData("list.pdf", "Import.UnsupportedType")]
    public async Task A_file_that_is_not_a_sheet_is_refused_as_a_whole(string name, string code)
    {
        var (table, problem) = await ReadAsync(name, Encoding.UTF8.GetBytes("not a workbook"));

        Assert.Null(table);
        Assert.Equal(code, problem?.Code);
    }

    [Fact]
    public async Task A_workbook_whose_sheet_is_broken_xml_is_unreadable_not_a_failure()
    {
        var buffer = new MemoryStream();
        buffer.Write(Workbook(new Row(SharedCell("A1", 0)) { RowIndex = 1 }));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.First(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            await using var stream = await sheet.OpenAsync(TestContext.Current.CancellationToken);
            stream.SetLength(0);
            await stream.WriteAsync("<worksheet><sheetData><row><c"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var (table, problem) = await ReadAsync("broken.xlsx", buffer.ToArray());

        Assert.Null(table);
        Assert.Equal("Import.Unreadable", problem?.Code);
    }

    [Fact]
    public async Task An_empty_or_too_large_file_is_refused_before_it_is_read()
    {
        var opened = 0;
        Stream Open()
        {
            opened++;
            return new MemoryStream();
        }

        var (_, empty) = await ImportTable.ReadAsync("a.csv", 0, Open, TestContext.Current.CancellationToken);
        var (_, large) = await ImportTable.ReadAsync("a.csv", ImportTable.MaxBytes + 1, Open, TestContext.Current.CancellationToken);

        Assert.Equal(("Import.EmptyFile", "Import.TooLarge", 0), (empty?.Code, large?.Code, opened));
    }

    private static Cell SharedCell(string reference, int index) =>
        new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) };

    /// <summary>A workbook as Excel writes it: text in a shared-string table, rows with gaps, a second sheet after the first.</summary>
    private static byte[] Workbook(params Row[] rows)
    {
        var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("企业名称")), new SharedStringItem(new Text("统一社会信用代码")), new SharedStringItem(new Text("91350400MA3AB1234X")));
            var first = workbook.AddNewPart<WorksheetPart>();
            first.Worksheet = new Worksheet(new SheetData(rows));
            var second = workbook.AddNewPart<WorksheetPart>();
            second.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellReference = "A1", CellValue = new CellValue("9") }) { RowIndex = 1 }));
            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(first), SheetId = 1, Name = "企业" },
                new Sheet { Id = workbook.GetIdOfPart(second), SheetId = 2, Name = "说明" }));
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }
}
