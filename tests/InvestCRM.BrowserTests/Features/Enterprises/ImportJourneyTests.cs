using System.Text;
using InvestCRM.BrowserTests.Fixtures;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvestCRM.BrowserTests.Features.Enterprises;

/// <summary>A list kept in Excel entered in bulk: the template downloaded, the file checked, then imported and opened.</summary>
public sealed class ImportJourneyTests(KestrelApp app, Chromium chromium) : BrowserTest(app, chromium)
{
    [Fact]
    public async Task Staff_check_a_file_then_import_it_and_open_a_firm_it_added()
    {
        var name = Unique("浏览器导入测试") + "有限公司";
        var file = new FilePayload
        {
            Name = "企业名单.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"企业名称,总部城市,企业规模\n{name},三明,中型\n"),
        };
        await SignInAsync(DemoAccounts.Staff);

        await Page.GotoAsync("/enterprises");
        await Page.GetByRole(AriaRole.Link, new() { Name = UiText.Chinese("Enterprise.Import"), Exact = true }).ClickAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = UiText.Chinese("Enterprise.Import.Template") }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);

        var input = Page.GetByLabel(UiText.Chinese("Enterprise.Import.File"));
        await input.SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Enterprise.Import.Check") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(UiText.Chinese("Enterprise.Import.Ready"), 1, 0));
        Assert.False(await ExistsAsync(name));

        await input.SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = UiText.Chinese("Enterprise.Import.Run"), Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(string.Format(UiText.Chinese("Enterprise.Import.Done"), 1, 0));
        await ScreenshotAsync("enterprise-import-done");

        await Page.GetByRole(AriaRole.Link, new() { Name = UiText.Chinese("Enterprise.Import.Created") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        Assert.True(await ExistsAsync(name));
    }

    private async Task<bool> ExistsAsync(string name)
    {
        await using var db = App.Database.CreateContext();
        return await db.Enterprises.AnyAsync(e => e.Name == name && e.HqCity == "三明");
    }
}
