using System.Text.RegularExpressions;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>A new referral from the portal is made once however often its form is posted.</summary>
public abstract partial class SubmissionTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Fact]
    public async Task Posting_the_portal_form_twice_makes_one_referral_and_both_posts_lead_to_it()
    {
        var incubator = await App.NewIncubatorAsync();
        var partner = await App.CreateUserAsync(Roles.Partner, incubator);
        using var portal = await App.SignedInSessionAsync(partner.Email, partner.Password);
        var key = IdempotencyKey().Match(await portal.GetPageAsync("/portal/referrals/new"));
        Assert.True(key.Success, "The form carries no idempotency key.");
        var fields = new Dictionary<string, string>
        {
            ["Input.EnterpriseName"] = "重复提交测试企业", ["Input.Seeks"] = "厂房", ["Input.IdempotencyKey"] = key.Groups[1].Value,
        };

        using var first = await portal.SubmitFormAsync("/portal/referrals/new", "referral", fields);
        using var second = await portal.SubmitFormAsync("/portal/referrals/new", "referral", fields);

        await using var db = App.Database.CreateContext();
        var referral = await db.Referrals.Where(r => r.IncubatorId == incubator).Select(r => r.Id).SingleAsync(Ct);
        Assert.Equal($"/portal/referrals/{referral}?submitted=true", WebSession.RedirectTarget(first));
        Assert.Equal(WebSession.RedirectTarget(first), WebSession.RedirectTarget(second));
        Assert.NotEqual(key.Groups[1].Value, IdempotencyKey().Match(await portal.GetPageAsync("/portal/referrals/new")).Groups[1].Value);
    }

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();

    public sealed class Sqlite(PartnerSqliteApp app) : SubmissionTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : SubmissionTests(app), IClassFixture<PartnerPostgresApp>;
}
