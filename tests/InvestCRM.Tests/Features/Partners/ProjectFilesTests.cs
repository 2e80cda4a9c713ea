using System.Net;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>The project page's files: staff uploads, and the files a partner attached to the referral it came from.</summary>
public abstract class ProjectFilesTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Fact]
    public async Task Staff_upload_a_file_to_the_project_page_and_it_stays_out_of_the_partners_reach()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var response = await UploadAsync(manager, a.ProjectId, "签约协议（草案）.pdf", PartnerData.Pdf);

        Assert.Equal($"/projects/{a.ProjectId}?done=uploaded#files", WebSession.RedirectTarget(response));
        var page = await manager.GetPageAsync($"/projects/{a.ProjectId}?done=uploaded");
        Assert.Contains(UiText.Chinese("Attachment.Uploaded"), page);
        Assert.Contains("签约协议（草案）.pdf", page);
        await using var db = App.Database.CreateContext();
        var row = await db.Attachments.OrderBy(x => x.Id).LastAsync(x => x.ProjectId == a.ProjectId, Ct);
        Assert.Equal((null, null, "签约协议（草案）.pdf"), (row.IncubatorId, row.ReferralId, row.FileName));
        Assert.Contains($"/attachments/{row.Id}", page);
        using var download = await manager.GetAsync($"/attachments/{row.Id}");
        Assert.Equal(PartnerData.Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        using var partner = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);
        using var refused = await partner.GetAsync($"/attachments/{row.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_file_the_partner_attached_to_the_referral_is_listed_on_its_project_with_a_link_to_the_referral()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        using var created = await App.ApiClient(a.ApiKey).PostAsync($"/api/v1/referrals/{a.ReferralId}/attachments",
            PartnerData.FileForm("商业计划书 v2.pdf", PartnerData.Pdf), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await staff.GetPageAsync($"/projects/{a.ProjectId}");

        var file = System.Text.RegularExpressions.Regex.Match(page, $"<li>\\s*<a href=\"{created.Headers.Location!.OriginalString}\">.*?</li>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("商业计划书 v2.pdf", file);
        Assert.Contains($"href=\"/referrals/{a.ReferralId}\"", file);
    }

    [Fact]
    public async Task A_project_that_came_from_a_referral_links_to_it_beside_its_incubator()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        int other;
        await using (var db = App.Database.CreateContext())
        {
            other = await db.Projects.Where(p => !db.Referrals.Any(r => r.ProjectId == p.Id)).Select(p => p.Id).FirstAsync(Ct);
        }

        var facts = Facts(await staff.GetPageAsync($"/projects/{a.ProjectId}"));
        var plain = Facts(await staff.GetPageAsync($"/projects/{other}"));

        Assert.Contains($"<a href=\"/referrals/{a.ReferralId}\">{UiText.Chinese("Projects.FromReferral")}</a>", facts);
        Assert.Contains(a.IncubatorName, facts);
        Assert.DoesNotContain("/referrals/", plain);
    }

    private static string Facts(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<dl class=\"facts\">.*?</dl>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;

    [Fact]
    public async Task Staff_who_may_not_edit_the_project_get_no_form_and_their_post_stores_nothing()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        var outsider = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(outsider.Email, outsider.Password);
        var (rows, files) = (await CountAsync(a.ProjectId), App.StoredFileCount());

        var page = await session.GetPageAsync($"/projects/{a.ProjectId}");
        using var response = await UploadAsync(session, a.ProjectId, "x.pdf", PartnerData.Pdf);

        Assert.DoesNotContain($"/projects/{a.ProjectId}/attachments", page);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((rows, files), (await CountAsync(a.ProjectId), App.StoredFileCount()));
    }

    [Fact]
    public async Task A_file_that_is_not_what_its_name_says_is_refused_on_the_page_and_nothing_is_stored()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var (rows, files) = (await CountAsync(a.ProjectId), App.StoredFileCount());

        using var response = await UploadAsync(manager, a.ProjectId, "plan.pdf", PartnerData.Png);

        var target = WebSession.RedirectTarget(response);
        Assert.Equal($"/projects/{a.ProjectId}?fileProblem=Attachment.TypeNotAllowed#files", target);
        Assert.Contains(UiText.Chinese("Attachment.TypeNotAllowed"), await manager.GetPageAsync(target!.Split('#')[0]));
        Assert.Equal((rows, files), (await CountAsync(a.ProjectId), App.StoredFileCount()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, int projectId, string name, byte[] content)
    {
        var form = PartnerData.FileForm(name, content);
        form.Add(new StringContent(await session.TokenAsync($"/projects/{projectId}")), "__RequestVerificationToken");
        return await session.Client.PostAsync($"/projects/{projectId}/attachments", form, Ct);
    }

    private async Task<int> CountAsync(int projectId)
    {
        await using var db = App.Database.CreateContext();
        return await db.Attachments.CountAsync(x => x.ProjectId == projectId, Ct);
    }

    public sealed class Sqlite(PartnerSqliteApp app) : ProjectFilesTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : ProjectFilesTests(app), IClassFixture<PartnerPostgresApp>;
}
