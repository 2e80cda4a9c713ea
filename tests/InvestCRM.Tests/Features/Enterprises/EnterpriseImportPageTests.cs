using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Enterprises;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Enterprises;

/// <summary>The import page as staff use it: the template downloaded, filled in Excel, checked, then imported.</summary>
public abstract class EnterpriseImportPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task The_template_filled_in_and_uploaded_adds_its_firms_as_the_signed_in_user()
    {
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        using var template = await staff.GetAsync("/enterprises/import/template");
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] names = [$"三明导入测试{tag}新材料有限公司", $"三明导入测试{tag}数字科技有限公司"];
        var (headers, filled) = Fill(await template.Content.ReadAsByteArrayAsync(Ct), [names[0], "", "新材料", "福建", "三明", "小型", "", "", "", "张敏", "招商经理", "0598-7654321"], [names[1]]);

        using var checkedOnly = await UploadAsync(staff, "check", "企业名单.xlsx", filled);
        await using var db = App.Database.CreateContext();
        var savedAfterCheck = await db.Enterprises.CountAsync(e => names.Contains(e.Name), Ct);
        using var imported = await UploadAsync(staff, "import", "企业名单.xlsx", filled);

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(EnterpriseImport.Columns.Select(c => UiText.Chinese(c.Label) + (c.Required ? " *" : "")), headers);
        Assert.Contains(string.Format(UiText.Chinese("Enterprise.Import.Ready"), 2, 0), await WebSession.ReadTextAsync(checkedOnly));
        Assert.Equal(0, savedAfterCheck);
        Assert.Contains(string.Format(UiText.Chinese("Enterprise.Import.Done"), 2, 0), await WebSession.ReadTextAsync(imported));
        var saved = await db.Enterprises.AsNoTracking().Where(e => names.Contains(e.Name)).OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(names, saved.Select(e => e.Name));
        Assert.Equal(("新材料", "福建", "三明", EnterpriseSize.Small), (saved[0].Industry, saved[0].HqProvince, saved[0].HqCity, saved[0].Size));
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.EnterpriseId == saved[0].Id, Ct);
        Assert.Equal(("张敏", "招商经理", "0598-7654321"), (contact.Name, contact.Title, contact.Phone));
        var ids = saved.Select(e => e.Id.ToString()).ToList();
        var authors = await db.AuditEntries.Where(a => a.EntityType == nameof(Enterprise) && ids.Contains(a.EntityId)).Select(a => a.UserId).ToListAsync(Ct);
        var staffId = await db.Users.Where(u => u.Email == DemoAccounts.Staff).Select(u => u.Id).SingleAsync(Ct);
        Assert.Equal([staffId, staffId], authors);
    }

    [Fact]
    public async Task A_search_exported_lists_its_firms_under_the_import_headers_and_imports_back_as_known()
    {
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = System.Text.Encoding.UTF8.GetBytes($"企业名称,企业规模,标签,联系人,联系电话\n三明导出测试{tag}甲有限公司,小型,专精特新,林涛,0598-1111111\n三明导出测试{tag}乙有限公司,,,,\n");
        using var imported = await UploadAsync(staff, "import", "名单.csv", csv);
        Assert.Contains(string.Format(UiText.Chinese("Enterprise.Import.Done"), 2, 0), await WebSession.ReadTextAsync(imported));

        using var export = await staff.GetAsync($"/enterprises/export?q={Uri.EscapeDataString($"导出测试{tag}")}");
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        using var reimported = await UploadAsync(staff, "import", "企业库.xlsx", bytes);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = Rows(bytes);
        Assert.Equal(string.Format(UiText.Chinese("Enterprise.Export.Search"), $"导出测试{tag}"), Assert.Single(rows[0]));
        Assert.Equal(EnterpriseImport.Columns.Select(c => UiText.Chinese(c.Label) + (c.Required ? " *" : ""))
            .Append(UiText.Chinese("Enterprise.Projects")).Append(UiText.Chinese("Field.Enterprise.CreatedAt")), rows[1]);
        Assert.Equal([$"三明导出测试{tag}乙有限公司", $"三明导出测试{tag}甲有限公司"], rows.Skip(2).Select(r => r[0]));
        var local = EnterpriseImport.Columns.ToList().FindIndex(c => c.Field == nameof(EnterpriseInput.IsLocal));
        Assert.Equal(("小型", "专精特新", "林涛", "0598-1111111", UiText.Chinese("Common.No"), "0"),
            (rows[3][5], rows[3][8], rows[3][9], rows[3][11], rows[3][local], rows[3][EnterpriseImport.Columns.Count]));
        Assert.Contains(string.Format(UiText.Chinese("Enterprise.Import.Done"), 0, 2), await WebSession.ReadTextAsync(reimported));
    }

    [Fact]
    public async Task A_sheet_with_a_bad_row_shows_the_line_column_and_reason_and_saves_nothing()
    {
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        var name = $"三明导入测试{Guid.NewGuid():N}"[..16] + "有限公司";
        var csv = System.Text.Encoding.UTF8.GetBytes($"企业名称,统一社会信用代码\n{name},\n福建坏代码有限公司,91350400MA3AB12340\n");

        using var response = await UploadAsync(staff, "import", "名单.csv", csv);
        var page = await WebSession.ReadTextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(string.Format(UiText.Chinese("Enterprise.Import.FixFirst"), 1), page);
        Assert.Contains($"{UiText.Chinese("Field.Enterprise.CreditCode")}：{UiText.Chinese("Rule.CreditCodeInvalid")}", page);
        Assert.Matches("<td class=\"num\">3</td>\\s*<td>福建坏代码有限公司</td>", page);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Enterprises.AnyAsync(e => e.Name == name, Ct));
    }

    [Fact]
    public async Task A_file_of_another_kind_or_none_is_refused_with_a_message()
    {
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);

        using var pdf = await UploadAsync(staff, "check", "名单.pdf", [0x25, 0x50, 0x44, 0x46]);
        using var none = await UploadAsync(staff, "import", "", []);

        Assert.Contains(UiText.Chinese("Import.UnsupportedType"), await WebSession.ReadTextAsync(pdf));
        Assert.Contains(UiText.Chinese("Import.NoFile"), await WebSession.ReadTextAsync(none));
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, string mode, string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // Set by hand: with no file chosen a browser sends filename="", which MultipartFormDataContent.Add refuses.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"File\"", FileName = $"\"{fileName}\"" };
        var form = new MultipartFormDataContent
        {
            { new StringContent("enterprise-import"), "_handler" },
            { new StringContent(await session.TokenAsync("/enterprises/import")), "__RequestVerificationToken" },
            { new StringContent(mode), "Input.Mode" },
            file,
        };
        return await session.Client.PostAsync("/enterprises/import", form, Ct);
    }

    /// <summary>Each row's cells as text (inline strings and numbers), in column order.</summary>
    private static List<List<string>> Rows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
    }

    /// <summary>The template's headers, and the template with the rows appended as a user would type them.</summary>
    private static (List<string> Headers, byte[] Filled) Fill(byte[] template, params string[][] rows)
    {
        var buffer = new MemoryStream();
        buffer.Write(template);
        List<string> headers;
        using (var document = SpreadsheetDocument.Open(buffer, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var data = sheet.GetFirstChild<SheetData>()!;
            headers = data.Elements<Row>().Single().Elements<Cell>().Select(c => c.InnerText).ToList();
            foreach (var row in rows)
            {
                data.AppendChild(new Row(row.Select(text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) })));
            }

            sheet.Save();
        }

        return (headers, buffer.ToArray());
    }

    public sealed class Sqlite(SqliteApp app) : EnterpriseImportPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : EnterpriseImportPageTests(app), IClassFixture<PostgresApp>;
}
