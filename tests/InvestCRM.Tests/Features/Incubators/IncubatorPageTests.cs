using System.Net;
using InvestCRM.Features.Incubators;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Incubators;

/// <summary>The staff incubator page through the real app: its forms, the partner-user link, and what partners get.</summary>
public abstract class IncubatorPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task A_manager_suspends_an_incubator_only_with_a_note()
    {
        var id = await AddIncubatorAsync();
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var page = $"/incubators/{id}";

        using var refused = await manager.SubmitFormAsync(page, "incubator-status", new Dictionary<string, string> { ["Input.To"] = "Suspended", ["Input.Note"] = "" });
        var refusedText = await WebSession.ReadTextAsync(refused);
        var statusBefore = await StatusAsync(id);
        using var done = await manager.SubmitFormAsync(page, "incubator-status", new Dictionary<string, string> { ["Input.To"] = "Suspended", ["Input.Note"] = "运营方调整" });

        Assert.Contains(UiText.Chinese("Rule.IncubatorNoteRequired"), refusedText);
        Assert.Equal(IncubatorStatus.Operating, statusBefore);
        Assert.Equal($"/incubators/{id}?saved=1", WebSession.RedirectTarget(done)?.Split('#')[0]);
        Assert.Equal(IncubatorStatus.Suspended, await StatusAsync(id));
        Assert.Contains("运营方调整", await manager.GetPageAsync(page));
    }

    /// <summary>A status that is not one of the choices (a tampered form) is refused with the value quoted, and changes nothing.</summary>
    [Fact]
    public async Task An_incubator_status_that_is_not_one_of_the_choices_changes_nothing()
    {
        var id = await AddIncubatorAsync();
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        using var refused = await manager.SubmitFormAsync($"/incubators/{id}", "incubator-status",
            new Dictionary<string, string> { ["Input.To"] = "Dissolved", ["Input.Note"] = "运营方调整" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(string.Format(UiText.Chinese("Validation.Unreadable"), "“Dissolved”"), WebUtility.HtmlDecode(await WebSession.ReadTextAsync(refused)));
        Assert.Equal(IncubatorStatus.Operating, await StatusAsync(id));
    }

    [Fact]
    public async Task The_contact_form_shows_localised_errors_and_adds_nothing_until_valid()
    {
        var id = await AddIncubatorAsync();
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var page = $"/incubators/{id}";
        var fields = new Dictionary<string, string> { ["Input.Name"] = "陈主任", ["Input.Phone"] = "0592-1234567", ["Input.Email"] = "chen@" };

        using var refused = await manager.SubmitFormAsync(page, "incubator-contact-add", fields);
        var refusedText = await WebSession.ReadTextAsync(refused);
        var countBefore = await ContactCountAsync(id);
        fields["Input.Email"] = "chen@xm-incubator.cn";
        using var added = await manager.SubmitFormAsync(page, "incubator-contact-add", fields);

        Assert.Contains(UiText.Chinese("Validation.Email"), refusedText);
        Assert.Equal(0, countBefore);
        Assert.True(WebSession.IsRedirect(added));
        Assert.Equal(1, await ContactCountAsync(id));
        Assert.Contains("chen@xm-incubator.cn", await manager.GetPageAsync(page));
    }

    [Fact]
    public async Task An_admin_creates_a_partner_user_bound_to_the_incubator_from_its_page()
    {
        var id = await AddIncubatorAsync();
        using var admin = await App.SignedInSessionAsync(DemoAccounts.Admin, DemoAccounts.Password);
        var email = $"partner-{Guid.NewGuid():N}@test.local";
        Assert.Contains($"/admin/users/new?incubator={id}", await admin.GetPageAsync($"/incubators/{id}"));

        using var created = await admin.SubmitFormAsync($"/admin/users/new?incubator={id}", "user", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "厦门对接人", ["Input.Role"] = "Partner", ["Input.IncubatorId"] = id.ToString(),
            ["Input.Password"] = TestUsers.Password, ["Input.IsActive"] = "true",
        });

        Assert.Equal($"/incubators/{id}", WebSession.RedirectTarget(created)?.Split('#')[0]);
        var user = await App.FindUserAsync(email);
        Assert.Equal(id, user.IncubatorId);
        Assert.Contains(email, await admin.GetPageAsync($"/incubators/{id}"));
    }

    [Fact]
    public async Task A_new_user_without_a_password_gets_one_message_in_chinese_and_is_not_created()
    {
        using var admin = await App.SignedInSessionAsync(DemoAccounts.Admin, DemoAccounts.Password);
        var email = $"staff-{Guid.NewGuid():N}@test.local";

        using var refused = await admin.SubmitFormAsync("/admin/users/new", "user", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "无密码用户", ["Input.Role"] = "Staff", ["Input.Password"] = "", ["Input.IsActive"] = "true",
        });
        var page = WebUtility.HtmlDecode(await WebSession.ReadTextAsync(refused));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UiText.Chinese("User.InitialPasswordRequired"), page);
        Assert.DoesNotContain(UiText.Chinese("Identity.PasswordTooShort"), page);
        Assert.DoesNotContain("Passwords must", page);
        await using var db = App.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email, Ct));
    }

    [Fact]
    public async Task Partners_get_404_for_the_staff_incubator_pages_even_of_their_own_incubator()
    {
        var own = (await App.FindUserAsync(DemoAccounts.PartnerBeijing)).IncubatorId!.Value;
        using var partner = await App.SignedInSessionAsync(DemoAccounts.PartnerBeijing, DemoAccounts.Password);

        foreach (var url in new[] { "/incubators", $"/incubators/{own}", $"/incubators/{own}/edit", $"/incubators/{own}/contacts/1" })
        {
            using var response = await partner.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
    }

    private async Task<int> AddIncubatorAsync()
    {
        await using var db = App.Database.CreateContext();
        var incubator = new OffshoreIncubator
        {
            PlanId = await db.Plans.Select(p => p.Id).FirstAsync(Ct), Name = $"测试孵化器{Guid.NewGuid():N}"[..14], City = "厦门",
            Region = RegionCluster.FujianCoast, Status = IncubatorStatus.Operating,
        };
        db.Incubators.Add(incubator);
        await db.SaveChangesAsync(Ct);
        return incubator.Id;
    }

    private async Task<IncubatorStatus> StatusAsync(int id)
    {
        await using var db = App.Database.CreateContext();
        return await db.Incubators.Where(i => i.Id == id).Select(i => i.Status).SingleAsync(Ct);
    }

    private async Task<int> ContactCountAsync(int id)
    {
        await using var db = App.Database.CreateContext();
        return await db.IncubatorContacts.CountAsync(c => c.IncubatorId == id, Ct);
    }

    public sealed class Sqlite(SqliteApp app) : IncubatorPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : IncubatorPageTests(app), IClassFixture<PostgresApp>;
}
