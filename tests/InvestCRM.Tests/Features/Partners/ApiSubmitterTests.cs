using System.Net;
using System.Net.Http.Json;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Referrals;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>A referral a partner system posts is recorded as the API key's, not as the admin's who issued the key.</summary>
public abstract class ApiSubmitterTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Fact]
    public async Task A_referral_posted_with_a_key_records_the_key_and_staff_see_its_prefix()
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var (keyId, token) = await App.IssueKeyAsync(incubator, "北京对接系统");
        var name = $"API推荐企业{Guid.NewGuid():N}"[..14];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(new { enterpriseName = name, seeks = "用地" }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await App.ApiClient(token).SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = App.Database.CreateContext();
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.EnterpriseName == name, Ct);
        Assert.Null(referral.SubmittedById);
        Assert.Equal(keyId, referral.SubmittedByApiKeyId);
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        var page = await staff.GetPageAsync($"/referrals/{referral.Id}");
        var prefix = token[..token.IndexOf('.')];
        Assert.Contains(string.Format(UiText.Chinese("Referral.ViaApiKey"), prefix), page);
        Assert.Contains(string.Format(UiText.Chinese("Referral.ViaApiKey"), prefix), await staff.GetPageAsync($"/incubators/{incubator}"));
    }

    [Fact]
    public async Task A_portal_referral_records_its_partner_and_no_key()
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var partner = await App.FindUserAsync(DemoAccounts.PartnerBeijing);
        var name = $"门户推荐企业{Guid.NewGuid():N}"[..14];
        await using var db = App.Database.CreateContext(new CurrentUser(partner.Id, "p", new HashSet<string> { Roles.Partner }, null, incubator));
        var options = Microsoft.Extensions.Options.Options.Create(new InvestCRM.Features.Attachments.AttachmentOptions { Path = App.AttachmentFolder });
        var service = new ReferralService(db, new InvestCRM.Features.Attachments.AttachmentStore(db, options, TimeProvider.System),
            new InvestCRM.Features.Notifications.Notifier(db, TimeProvider.System), TimeProvider.System);

        var submitted = await service.SubmitAsync(new ReferralInput { EnterpriseName = name, Seeks = "用地" }, null, null, Ct);

        Assert.True(submitted.Created);
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == submitted.Outcome.Id, Ct);
        Assert.Equal((partner.Id, (int?)null), (referral.SubmittedById, referral.SubmittedByApiKeyId));
    }

    [Fact]
    public async Task The_database_refuses_a_referral_with_no_submitter_or_with_both()
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var partner = await App.FindUserAsync(DemoAccounts.PartnerBeijing);
        var (keyId, _) = await App.IssueKeyAsync(incubator);

        foreach (var (user, key) in new[] { ((string?)null, (int?)null), (partner.Id, keyId) })
        {
            await using var db = App.Database.CreateContext();
            var referral = new ReferralInput { EnterpriseName = "约束测试企业", Seeks = "用地" }.ToReferral(incubator, user, null, null, DateTimeOffset.UtcNow);
            referral.SubmittedByApiKeyId = key;
            db.Referrals.Add(referral);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
    }

    public sealed class Sqlite(PartnerSqliteApp app) : ApiSubmitterTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : ApiSubmitterTests(app), IClassFixture<PartnerPostgresApp>;
}
