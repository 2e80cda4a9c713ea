using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>Accepting creates the project in one transaction and tells the partners; moving it tells them again.</summary>
public abstract class TriageTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Fact]
    public async Task Accepting_creates_a_project_and_partners_hear_of_it_and_of_each_stage_move()
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var staff = await App.FindUserAsync(DemoAccounts.Staff);
        var partner = await App.FindUserAsync(DemoAccounts.PartnerBeijing);
        var name = $"受理测试{Guid.NewGuid():N}"[..12];
        await using (var db = App.Database.CreateContext(new CurrentUser(partner.Id, "p", new HashSet<string> { Roles.Partner }, null, incubator)))
        {
            var submitted = await Services(db).Referrals.SubmitAsync(new ReferralInput { EnterpriseName = name, Seeks = "用地" }, null, null, Ct);
            Assert.True(submitted.Created);
        }

        await using var staffDb = App.Database.CreateContext(new CurrentUser(staff.Id, "s", new HashSet<string> { Roles.Staff }, staff.TeamId, null));
        var referral = await staffDb.Referrals.AsNoTracking().SingleAsync(r => r.EnterpriseName == name, Ct);
        var (triage, projects) = (Services(staffDb).Triage, Services(staffDb).Projects);
        var accepted = await triage.AcceptAsync(referral.Id, new AcceptInput { OwnerId = staff.Id, CreateNew = true }, Ct);
        Assert.True(accepted.Succeeded, string.Join(", ", accepted.Problems));
        var project = await staffDb.Projects.AsNoTracking().SingleAsync(p => p.Id == staffDb.Referrals.Where(r => r.Id == referral.Id).Select(r => r.ProjectId).First(), Ct);
        var contact = await staffDb.Stages.SingleAsync(s => s.Code == "contact", Ct);
        var moved = await projects.MoveAsync(project.Id, project.Version, new StageMove(contact.Id, null), Ct);

        Assert.True(moved.Succeeded, string.Join(", ", moved.Problems));
        Assert.Equal((ProjectSource.OffshoreIncubator, incubator, staff.Id), (project.Source, project.IncubatorId, project.OwnerId));
        var notices = await staffDb.Notifications.Where(n => n.UserId == partner.Id && n.Arguments!.Contains(name)).Select(n => n.MessageKey).ToListAsync(Ct);
        Assert.Contains(Notifier.ReferralAccepted, notices);
        Assert.Contains(Notifier.StageChanged, notices);
        var again = await triage.ReturnAsync(referral.Id, "太晚了", Ct);
        Assert.Contains(again.Problems, p => p.Code == "Rule.ReferralDecided");
    }

    /// <summary>A team that cannot be read refuses the acceptance rather than accepting the lead with no team.</summary>
    [Fact]
    public async Task Accepting_with_an_unreadable_team_accepts_nothing()
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var partner = await App.FindUserAsync(DemoAccounts.PartnerBeijing);
        var staff = await App.FindUserAsync(DemoAccounts.Staff);
        var name = $"团队无法识别{Guid.NewGuid():N}"[..14];
        int referral;
        await using (var db = App.Database.CreateContext(new CurrentUser(partner.Id, "p", new HashSet<string> { Roles.Partner }, null, incubator)))
        {
            referral = (await Services(db).Referrals.SubmitAsync(new ReferralInput { EnterpriseName = name, Seeks = "用地" }, null, null, Ct)).Outcome.Id;
        }

        using var session = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        using var refused = await session.SubmitFormAsync($"/referrals/{referral}", "accept", new Dictionary<string, string>
        {
            ["Accept.Link"] = "new", ["Accept.OwnerId"] = staff.Id, ["Accept.TeamId"] = "第二组",
        });

        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(string.Format(UiText.Chinese("Validation.Unreadable"), "“第二组”"), System.Net.WebUtility.HtmlDecode(await WebSession.ReadTextAsync(refused)));
        await using var check = App.Database.CreateContext();
        Assert.Equal((ReferralStatus.Pending, (int?)null), await check.Referrals.Where(r => r.Id == referral).Select(r => new ValueTuple<ReferralStatus, int?>(r.Status, r.ProjectId)).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_accept_form_offers_the_teams_in_the_readers_language()
    {
        await using var db = App.Database.CreateContext();
        var pending = await db.Referrals.Where(r => r.Status == ReferralStatus.Pending).Select(r => r.Id).FirstAsync(Ct);
        var team = await db.Teams.FirstAsync(t => t.NameEn != null, Ct);
        var staff = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(staff.Email, staff.Password);

        var chinese = await session.GetPageAsync($"/referrals/{pending}");
        using var switched = await session.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });
        var english = await session.GetPageAsync($"/referrals/{pending}");

        Assert.Contains($"<option value=\"{team.Id}\">{team.Name}</option>", chinese);
        Assert.Contains($"<option value=\"{team.Id}\">{team.NameEn}</option>", english);
    }

    [Fact]
    public async Task A_referral_is_marked_a_duplicate_only_of_a_matching_enterprise_which_it_records()
    {
        var lonely = await PendingAsync($"无重复企业{Guid.NewGuid():N}"[..13]);
        var matched = await PendingAsync($"已跟进企业{Guid.NewGuid():N}"[..13]);
        int enterprise;
        await using (var db = App.Database.CreateContext())
        {
            var name = await db.Referrals.Where(r => r.Id == matched).Select(r => r.EnterpriseName).SingleAsync(Ct);
            var existing = new InvestCRM.Features.Enterprises.Enterprise
            {
                Name = name, NormalizedName = InvestCRM.Features.Enterprises.EnterpriseName.Normalize(name), CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Enterprises.Add(existing);
            await db.SaveChangesAsync(Ct);
            enterprise = existing.Id;
        }

        using var session = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        var lonelyPage = await session.GetPageAsync($"/referrals/{lonely}");
        using var refused = await session.SubmitFormAsync($"/referrals/{lonely}", "duplicate", new Dictionary<string, string> { ["Duplicate.EnterpriseId"] = "" });
        var matchedPage = await session.GetPageAsync($"/referrals/{matched}");
        using var marked = await session.SubmitFormAsync($"/referrals/{matched}", "duplicate",
            new Dictionary<string, string> { ["Duplicate.EnterpriseId"] = enterprise.ToString() });

        Assert.DoesNotContain("value=\"duplicate\"", lonelyPage);
        Assert.Contains(UiText.Chinese("Triage.DuplicateNone"), lonelyPage);
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UiText.Chinese("Rule.DuplicateNeedsEnterprise"), await WebSession.ReadTextAsync(refused));
        Assert.Contains($"name=\"Duplicate.EnterpriseId\" value=\"{enterprise}\"", matchedPage);
        Assert.True(WebSession.IsRedirect(marked), await WebSession.ReadTextAsync(marked));
        Assert.Contains($"href=\"/enterprises/{enterprise}\"", await session.GetPageAsync($"/referrals/{matched}"));
        await using var check = App.Database.CreateContext();
        var decided = await check.Referrals.Where(r => r.Id == lonely || r.Id == matched).OrderBy(r => r.Id)
            .Select(r => new ValueTuple<ReferralStatus, int?>(r.Status, r.EnterpriseId)).ToListAsync(Ct);
        Assert.Equal([(ReferralStatus.Pending, (int?)null), (ReferralStatus.Duplicate, (int?)enterprise)], decided);
    }

    /// <summary>Two staff open the same referral; the second one's decision lands on the page, which says it was decided.</summary>
    [Theory]
    [InlineData("accept", "Accept.Link", "new")]
    [InlineData("return", "Return.Reason", "资料不全")]
    [InlineData("duplicate", "Duplicate.EnterpriseId", "1")]
    public async Task A_late_decision_is_told_on_the_page_that_the_referral_was_decided(string form, string field, string value)
    {
        var referral = await PendingAsync($"晚到决定{Guid.NewGuid():N}"[..12]);
        var staff = await App.FindUserAsync(DemoAccounts.Staff);
        using var late = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);
        var token = await late.TokenAsync($"/referrals/{referral}");
        await using (var db = App.Database.CreateContext(new CurrentUser(staff.Id, "s", new HashSet<string> { Roles.Staff }, staff.TeamId, null)))
        {
            Assert.True((await Services(db).Triage.ReturnAsync(referral, "先到的决定", Ct)).Succeeded);
        }

        using var response = await late.Client.PostAsync($"/referrals/{referral}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = form, [field] = value, ["Accept.OwnerId"] = staff.Id,
        }), Ct);
        var page = await WebSession.ReadTextAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(UiText.Chinese("Rule.ReferralDecided"), page);
        Assert.DoesNotContain("value=\"return\"", page);
        await using var check = App.Database.CreateContext();
        Assert.Equal(("先到的决定", (int?)null), await check.Referrals.Where(r => r.Id == referral).Select(r => new ValueTuple<string?, int?>(r.ReturnReason, r.ProjectId)).SingleAsync(Ct));
    }

    /// <summary>A pending referral from the Beijing partner.</summary>
    private async Task<int> PendingAsync(string name)
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var partner = await App.FindUserAsync(DemoAccounts.PartnerBeijing);
        await using var db = App.Database.CreateContext(new CurrentUser(partner.Id, "p", new HashSet<string> { Roles.Partner }, null, incubator));
        var submitted = await Services(db).Referrals.SubmitAsync(new ReferralInput { EnterpriseName = name, Seeks = "用地" }, null, null, Ct);
        Assert.True(submitted.Created, string.Join(", ", submitted.Outcome.Problems));
        return submitted.Outcome.Id;
    }

    private static (ReferralService Referrals, ReferralTriage Triage, ProjectService Projects) Services(InvestCRM.Data.CrmDbContext db)
    {
        var clock = TimeProvider.System;
        var notifier = new Notifier(db, clock);
        var options = Microsoft.Extensions.Options.Options.Create(new InvestCRM.Features.Attachments.AttachmentOptions { Path = Path.GetTempPath() });
        var projects = new ProjectService(db, new InvestCRM.Features.Ledger.LedgerService(db, clock), new ReferenceCache(), clock, notifier);
        return (new ReferralService(db, new InvestCRM.Features.Attachments.AttachmentStore(db, options, clock), notifier, clock),
            new ReferralTriage(db, projects, new InvestCRM.Features.Enterprises.EnterpriseService(db, CoreServices.Progress(db, clock), clock), notifier, clock), projects);
    }

    public sealed class Sqlite(PartnerSqliteApp app) : TriageTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : TriageTests(app), IClassFixture<PartnerPostgresApp>;
}
