using System.Net;
using System.Text;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

public abstract class AttachmentTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    public static TheoryData<string, byte[]> Spoofed => new()
    {
        { "plan.pdf", PartnerData.Png },
        { "plan.pdf", Encoding.UTF8.GetBytes("just some text, not a PDF") },
        { "setup.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04] },
        { "setup.exe", PartnerData.Pdf },
        { "plan.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00] },
    };

    [Theory]
    [MemberData(nameof(Spoofed))]
    public async Task A_file_whose_content_is_not_what_its_name_says_is_refused_and_nothing_is_stored(string name, byte[] content)
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        var before = await CountAsync(a.ReferralId);
        var files = App.StoredFileCount();

        using var response = await App.ApiClient(a.ApiKey).PostAsync($"/api/v1/referrals/{a.ReferralId}/attachments",
            PartnerData.FileForm(name, content, "application/pdf"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(UiText.Chinese("Attachment.TypeNotAllowed"), await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before, await CountAsync(a.ReferralId));
        Assert.Equal(files, App.StoredFileCount());
    }

    [Fact]
    public async Task A_real_pdf_is_stored_with_its_hash_and_served_only_as_a_download()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);

        using var created = await App.ApiClient(a.ApiKey).PostAsync($"/api/v1/referrals/{a.ReferralId}/attachments", PartnerData.FileForm("计划书.pdf", PartnerData.Pdf), Ct);
        using var portal = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);
        using var download = await portal.GetAsync(created.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(PartnerData.Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        await using var db = App.Database.CreateContext();
        var row = await db.Attachments.OrderBy(x => x.Id).LastAsync(x => x.ReferralId == a.ReferralId, Ct);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PartnerData.Pdf)), row.Sha256);
        Assert.DoesNotContain("计划书", row.StoragePath);
    }

    [Fact]
    public async Task The_portal_upload_form_refuses_a_renamed_png_too()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        using var portal = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);
        var form = PartnerData.FileForm("plan.pdf", PartnerData.Png);
        form.Add(new StringContent(await portal.TokenAsync($"/portal/referrals/{a.ReferralId}")), "__RequestVerificationToken");
        var before = await CountAsync(a.ReferralId);

        using var response = await portal.Client.PostAsync($"/portal/referrals/{a.ReferralId}/attachments", form, Ct);

        Assert.Contains("problem=Attachment.TypeNotAllowed", WebSession.RedirectTarget(response));
        Assert.Equal(before, await CountAsync(a.ReferralId));
    }

    private async Task<int> CountAsync(int referralId)
    {
        await using var db = App.Database.CreateContext();
        return await db.Attachments.CountAsync(x => x.ReferralId == referralId, Ct);
    }

    public sealed class Sqlite(PartnerSqliteApp app) : AttachmentTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : AttachmentTests(app), IClassFixture<PartnerPostgresApp>;
}
