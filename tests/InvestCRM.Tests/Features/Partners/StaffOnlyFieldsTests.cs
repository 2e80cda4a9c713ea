using System.Text.Encodings.Web;
using System.Text.Json;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>Distinctive staff-only values on the partner's own project and duplicate never reach portal HTML or API JSON.</summary>
public abstract class StaffOnlyFieldsTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    private const string Notes = "内部备注-绝密-N7Q";
    private const string OwnerName = "隐秘负责人-K4Z";
    private const string StageNote = "阶段备注-仅内部-S2W";
    private const string StatusReason = "搁置原因-仅内部-R5T";
    private const string FollowedEnterprise = "已跟进企业-秘密-E8V";
    private const decimal LandMu = 987.65m;
    private const decimal NegotiatedWan = 77_731m;

    [Fact]
    public async Task Portal_pages_and_api_json_show_none_of_the_staff_only_values()
    {
        var a = await App.TenantAsync("北京", DemoAccounts.PartnerBeijing);
        var other = await App.TenantAsync("上海", DemoAccounts.PartnerShanghai);
        var duplicate = await SeedStaffOnlyAsync(a);
        using var portal = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);
        using var api = App.ApiClient(a.ApiKey);

        var texts = new List<string>
        {
            await portal.GetPageAsync("/portal"), await portal.GetPageAsync($"/portal/referrals/{a.ReferralId}"),
            await portal.GetPageAsync($"/portal/referrals/{duplicate}"), await portal.GetPageAsync("/notifications"),
            await JsonAsync(api, "/api/v1/referrals?pageSize=100"), await JsonAsync(api, $"/api/v1/referrals/{a.ReferralId}"),
            await JsonAsync(api, $"/api/v1/referrals/{a.ReferralId}/stages"), await JsonAsync(api, $"/api/v1/referrals/{duplicate}"),
        };

        // The pages are the right ones: the partner's stage and the duplicate notice are there.
        Assert.Contains(UiText.Chinese("Referral.AlreadyFollowed"), texts[2]);
        Assert.Contains("接洽", texts[1]);
        Assert.Contains("\"stageNameZh\":\"接洽\"", texts[6]);
        var secrets = new[] { Notes, OwnerName, StageNote, StatusReason, FollowedEnterprise, other.IncubatorName, "987.65", "77731", "77,731", "7.77" };
        foreach (var (text, secret) in texts.SelectMany(t => secrets.Select(s => (t, s))))
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    /// <summary>JSON with its \u escapes undone, so Chinese values can be looked for as text.</summary>
    private static async Task<string> JsonAsync(HttpClient api, string url) =>
        JsonSerializer.Serialize(JsonDocument.Parse(await api.GetStringAsync(url, Ct)),
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Staff-only values on A's project; a duplicate referral of A pointing at a firm the park follows.</summary>
    private async Task<int> SeedStaffOnlyAsync(TenantRecords a)
    {
        var owner = await App.CreateUserAsync(InvestCRM.Features.Identity.Roles.Staff);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<InvestCRM.Features.Identity.ApplicationUser>>();
            var user = await users.FindByIdAsync(owner.Id);
            user!.DisplayName = OwnerName;
            await users.UpdateAsync(user);
        }

        await using var db = App.Database.CreateContext();
        var project = await db.Projects.FirstAsync(p => p.Id == a.ProjectId, Ct);
        var contact = await db.Stages.FirstAsync(s => s.Code == "contact", Ct);
        db.StageChanges.Add(new StageChange { ProjectId = project.Id, FromStageId = project.StageId, ToStageId = contact.Id, At = DateTimeOffset.UtcNow, UserId = owner.Id, UserName = OwnerName, Note = StageNote });
        (project.Notes, project.OwnerId, project.LandMu, project.PlannedInvestmentWan, project.SignedAmountWan, project.StageId, project.StatusReason) =
            (Notes, owner.Id, LandMu, NegotiatedWan, NegotiatedWan, contact.Id, StatusReason);
        var followed = new Enterprise { Name = FollowedEnterprise, NormalizedName = EnterpriseName.Normalize(FollowedEnterprise), CreatedAt = DateTimeOffset.UtcNow };
        db.Enterprises.Add(followed);
        await db.SaveChangesAsync(Ct);
        var referral = new ReferralInput { EnterpriseName = "北京重复推荐企业", Seeks = "用地" }.ToReferral(a.IncubatorId, owner.Id, null, null, DateTimeOffset.UtcNow);
        (referral.Status, referral.EnterpriseId, referral.DecidedById) = (ReferralStatus.Duplicate, followed.Id, owner.Id);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(Ct);
        return referral.Id;
    }

    public sealed class Sqlite(PartnerSqliteApp app) : StaffOnlyFieldsTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : StaffOnlyFieldsTests(app), IClassFixture<PartnerPostgresApp>;
}
