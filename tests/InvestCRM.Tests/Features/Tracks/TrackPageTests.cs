using System.Globalization;
using System.Net;
using InvestCRM.Data;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Tracks;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Tracks;

/// <summary>
/// The 揭榜挂帅 list as a manager works it through the forms: publish a track on a new chain's link, record the development
/// zone's claim, see a signed project of the link count and an open one wait, review, withdraw, and export.
/// </summary>
public abstract class TrackPageTests(CrmApp app) : AppTests(app)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task A_manager_publishes_claims_reviews_and_withdraws_a_track_and_the_signed_project_of_its_link_counts()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, nodes) = await App.Database.AddChainAsync($"揭榜链{tag}", $"环节甲{tag}", $"环节乙{tag}");
        var park = await ParkIdAsync(SanmingPlan.DevelopmentZone);
        using var manager = await ManagerAsync();
        var name = $"测试赛道{tag}";

        using var created = await manager.SubmitFormAsync("/tracks/new", "track", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.ChainId"] = $"ChainNode:{nodes[0]}", ["Input.PublishedOn"] = Date(Today.AddDays(-40)),
        });
        Assert.True(WebSession.IsRedirect(created), $"publish answered {(int)created.StatusCode}");
        var url = WebSession.RedirectTarget(created)!;
        var open = await manager.GetPageAsync(url);
        Assert.Contains(UiText.Chinese("Track.Unclaimed"), open);

        using var claimed = await manager.SubmitFormAsync($"{url}/claim", "track-claim", ClaimFields(park, commitEnterprises: "2"));
        Assert.True(WebSession.IsRedirect(claimed), $"claim answered {(int)claimed.StatusCode}");
        await SignedAndOpenProjectsAsync(park, nodes, tag);

        // One of two committed enterprises after 31 days of a 366-day claim: on pace. The other link's project is not the track's.
        var page = await manager.GetPageAsync(url);
        Assert.Contains(UiText.Chinese("Enum.TrackStanding.OnPace"), page);
        Assert.Contains($"{UiText.Chinese("Enum.TrackMeasure.Enterprises")}</span>", page);
        Assert.Contains("1 / 2 (50%)", page);
        Assert.Contains(Figures(1, 1, "500 万元", "0 万元", "0 万元"), page);
        Assert.Contains(string.Format(UiText.Chinese("Track.OpenLine"), 1, "300 万元"), page);
        Assert.Contains($"揭榜签约项目{tag}</a>", page);
        Assert.Contains($"揭榜在谈项目{tag}</a>", page);
        Assert.DoesNotContain($"别链项目{tag}", page);

        using var refused = await manager.SubmitFormAsync($"{url}/review", "track-review", new Dictionary<string, string>
        {
            ["Input.ReviewedOn"] = Date(Today), ["Input.Verdict"] = nameof(TrackVerdict.Withdrawn), ["Input.Note"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(UiText.Chinese("Track.WithdrawReasonRequired"), await WebSession.ReadTextAsync(refused));
        await using (var db = App.Database.CreateContext())
        {
            var track = await db.Tracks.AsNoTracking().SingleAsync(t => t.Name == name, Ct);
            Assert.True(track.IsClaimed);
            Assert.False(await db.TrackReviews.AnyAsync(r => r.TrackId == track.Id, Ct));
        }

        using var withdrawn = await manager.SubmitFormAsync($"{url}/review", "track-review", new Dictionary<string, string>
        {
            ["Input.ReviewedOn"] = Date(Today), ["Input.Verdict"] = nameof(TrackVerdict.Withdrawn), ["Input.Note"] = "招商力量调整",
        });
        Assert.True(WebSession.IsRedirect(withdrawn), $"review answered {(int)withdrawn.StatusCode}");
        var after = await manager.GetPageAsync(url);
        Assert.Contains(UiText.Chinese("Track.Unclaimed"), after);
        Assert.Contains(UiText.Chinese("Enum.TrackVerdict.Withdrawn"), after);
        Assert.Contains(Figures(1, 1, "500 万元", "0 万元", "0 万元"), after);
        Assert.Contains("招商力量调整", after);
        Assert.Contains(UiText.Chinese("Field.Track.LeaderName"), after);
    }

    [Fact]
    public async Task Bad_claims_are_refused_with_the_reason_beside_the_field_and_nothing_saved()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (chain, _) = await App.Database.AddChainAsync($"拒绝链{tag}", $"环节{tag}");
        var id = await TrackAsync($"拒绝赛道{tag}", chain);
        using var manager = await ManagerAsync();

        var fields = ClaimFields(await ParkIdAsync(SanmingPlan.DevelopmentZone), commitEnterprises: "");
        fields["Input.DueOn"] = Date(Today.AddDays(-31));
        using var response = await manager.SubmitFormAsync($"/tracks/{id}/claim", "track-claim", fields);
        using var duplicate = await manager.SubmitFormAsync("/tracks/new", "track", new Dictionary<string, string>
        {
            ["Input.Name"] = $"拒绝赛道{tag}", ["Input.ChainId"] = $"Chain:{chain}", ["Input.PublishedOn"] = Date(Today),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WebSession.ReadTextAsync(response);
        Assert.Contains(UiText.Chinese("Track.DueAfterClaim"), page);
        Assert.Contains(UiText.Chinese("Track.CommitmentRequired"), page);
        Assert.Contains(UiText.Chinese("Validation.NameTaken"), await WebSession.ReadTextAsync(duplicate));
        await using var db = App.Database.CreateContext();
        Assert.False((await db.Tracks.AsNoTracking().SingleAsync(t => t.Id == id, Ct)).IsClaimed);
        Assert.Equal(1, await db.Tracks.CountAsync(t => t.Name == $"拒绝赛道{tag}", Ct));
    }

    [Fact]
    public async Task Staff_read_the_list_but_cannot_open_the_forms_or_post_a_claim()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (chain, _) = await App.Database.AddChainAsync($"只读链{tag}", $"环节{tag}");
        var id = await TrackAsync($"只读赛道{tag}", chain);
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);

        var list = await staff.GetPageAsync("/tracks");
        var detail = await staff.GetPageAsync($"/tracks/{id}");
        using var form = await staff.GetAsync($"/tracks/{id}/claim");
        var token = await staff.TokenAsync("/tracks");
        using var post = await staff.Client.PostAsync($"/tracks/{id}/claim", new FormUrlEncodedContent(new Dictionary<string, string>(
            ClaimFields(await ParkIdAsync(SanmingPlan.DevelopmentZone), "2")) { ["__RequestVerificationToken"] = token, ["_handler"] = "track-claim" }), Ct);

        Assert.Contains($"只读赛道{tag}</a>", list);
        Assert.DoesNotContain("href=\"/tracks/new\"", list);
        Assert.DoesNotContain($"href=\"/tracks/{id}/claim\"", detail);
        Assert.NotEqual(HttpStatusCode.OK, form.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        await using var db = App.Database.CreateContext();
        Assert.False((await db.Tracks.AsNoTracking().SingleAsync(t => t.Id == id, Ct)).IsClaimed);
    }

    [Fact]
    public async Task The_list_exports_each_track_with_its_claim_commitments_and_figures_and_reads_in_english()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (chain, _) = await App.Database.AddChainAsync($"导出链{tag}", $"环节{tag}");
        var id = await TrackAsync($"导出赛道{tag}", chain);
        using var manager = await ManagerAsync();
        using var claimed = await manager.SubmitFormAsync($"/tracks/{id}/claim", "track-claim", ClaimFields(await ParkIdAsync(SanmingPlan.DevelopmentZone), "3"));

        using var export = await manager.GetAsync("/tracks/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = SheetRows.Read(new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct)));
        Assert.StartsWith(SanmingPlan.Name, rows[0][0]);
        Assert.Equal([UiText.Chinese("Field.Track.Name"), UiText.Chinese("Track.Subject"), UiText.Chinese("Track.Claimant")], rows[1].Take(3));
        var row = rows.Single(r => r[0] == $"导出赛道{tag}");
        Assert.Equal([$"导出链{tag}", SanmingPlan.DevelopmentZone, "经理甲", "3", "0"], new[] { row[1], row[2], row[3], row[6], row[7] }.AsEnumerable());
        // Nothing counted after 31 days of 366: behind.
        Assert.Equal(UiText.Chinese("Enum.TrackStanding.Behind"), row[17]);

        using var switched = await manager.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });
        var english = await manager.GetPageAsync($"/tracks/{id}");
        Assert.Contains(UiText.English("Enum.TrackStanding.Behind"), english);
        Assert.Contains(UiText.English("Track.Commitments"), english);
    }

    [Fact]
    public async Task The_detail_names_its_link_without_a_dangling_separator_and_the_claim_form_shows_amounts_as_typed()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (chain, nodes) = await App.Database.AddChainAsync($"展示链{tag}", $"环节{tag}");
        var id = await TrackAsync($"展示赛道{tag}", chain);
        using var manager = await ManagerAsync();
        using var edited = await manager.SubmitFormAsync($"/tracks/{id}/edit", "track", new Dictionary<string, string>
        {
            ["Input.Name"] = $"展示赛道{tag}", ["Input.ChainId"] = $"ChainNode:{nodes[0]}", ["Input.PublishedOn"] = Date(Today.AddDays(-60)),
        });
        Assert.True(WebSession.IsRedirect(edited), $"edit answered {(int)edited.StatusCode}");
        var fields = ClaimFields(await ParkIdAsync(SanmingPlan.DevelopmentZone), "2");
        fields["Input.CommitInvestmentWan"] = "80000";
        fields["Input.CommitTaxWan"] = "12.5";
        using var claimed = await manager.SubmitFormAsync($"/tracks/{id}/claim", "track-claim", fields);
        Assert.True(WebSession.IsRedirect(claimed), $"claim answered {(int)claimed.StatusCode}");

        var detail = await manager.GetPageAsync($"/tracks/{id}");
        var form = await manager.GetPageAsync($"/tracks/{id}/claim");

        Assert.Contains($"<dd>展示链{tag} · 环节{tag}</dd>", detail);
        Assert.Contains("value=\"80000\"", form);
        Assert.Contains("value=\"12.5\"", form);
        Assert.DoesNotContain("value=\"80000.0", form);
        Assert.Contains("step=\"1\"", System.Text.RegularExpressions.Regex.Match(form, "<input[^>]*id=\"enterprises\"[^>]*>").Value);
    }

    [Fact]
    public async Task An_unknown_track_answers_404_on_every_page()
    {
        using var manager = await ManagerAsync();

        foreach (var url in new[] { "/tracks/999999", "/tracks/999999/edit", "/tracks/999999/claim", "/tracks/999999/review" })
        {
            using var response = await manager.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
    }

    /// <summary>A manager of their own: a test that switches its language must not switch another's.</summary>
    private async Task<WebSession> ManagerAsync()
    {
        var user = await App.CreateUserAsync(Roles.Manager);
        return await App.SignedInSessionAsync(user.Email, user.Password);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Figures(int projects, int enterprises, string investment, string output, string tax) =>
        string.Format(UiText.Chinese("Track.Figures"), projects, enterprises, investment, output, tax);

    /// <summary>The development zone's claim from 30 days ago to 335 days ahead (a 366-day period), led by 经理甲.</summary>
    private static Dictionary<string, string> ClaimFields(int park, string commitEnterprises) => new()
    {
        ["Input.UnitId"] = $"Park:{park}", ["Input.LeaderName"] = "经理甲", ["Input.ClaimedOn"] = Date(Today.AddDays(-30)),
        ["Input.DueOn"] = Date(Today.AddDays(335)), ["Input.CommitEnterprises"] = commitEnterprises,
    };

    private async Task<int> ParkIdAsync(string name)
    {
        await using var db = App.Database.CreateContext();
        return await db.Parks.Where(p => p.Name == name).Select(p => p.Id).FirstAsync(Ct);
    }

    /// <summary>An open track on a whole chain, written through the service as the system.</summary>
    private async Task<int> TrackAsync(string name, int chain)
    {
        await using var db = App.Database.CreateContext();
        var service = Service(db);
        var outcome = await service.CreateAsync(await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct),
            new TrackInput { Name = name, ChainId = chain, PublishedOn = Today.AddDays(-60) }, Ct);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        return outcome.Id;
    }

    private static TrackService Service(CrmDbContext db)
    {
        var catalog = new InvestCRM.Features.Targets.TargetCatalog(db, new ReferenceCache());
        var progress = new InvestCRM.Features.Targets.TargetProgress(db, catalog, new LedgerQueries(db), new ReferenceCache(), TimeProvider.System);
        return new TrackService(db, new TrackEvaluation(db, progress, TimeProvider.System), catalog, new InvestCRM.Features.Plans.PlanCatalog(db), TimeProvider.System);
    }

    /// <summary>In the park: a project of the first link signed for 500 万元, one of it in negotiation (300 万元 planned), and one of the second link signed.</summary>
    private async Task SignedAndOpenProjectsAsync(int park, int[] nodes, string tag)
    {
        await using var setup = App.Database.CreateContext();
        var manager = await setup.Users.AsNoTracking().FirstAsync(u => u.Email == DemoAccounts.Manager, Ct);
        var user = new CurrentUser(manager.Id, manager.DisplayName, new HashSet<string> { Roles.Manager }, null, null);
        await using var db = App.Database.CreateContext(user);
        var projects = new ProjectService(db, new LedgerService(db, TimeProvider.System), new ReferenceCache(), TimeProvider.System, new Notifier(db, TimeProvider.System));
        var chain = await db.ChainNodes.Where(n => n.Id == nodes[0]).Select(n => n.ChainId).FirstAsync(Ct);
        var stages = await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, Ct);
        var signed = new StageFacts { AgreementDate = Today, SignedAmountWan = 500 };

        async Task MoveAsync(string title, int node, string stage, StageFacts? facts)
        {
            var enterprise = new Enterprise { Name = $"{title}企业", NormalizedName = EnterpriseName.Normalize($"{title}企业"), CreatedAt = DateTimeOffset.UtcNow };
            db.Enterprises.Add(enterprise);
            await db.SaveChangesAsync(Ct);
            var created = await projects.CreateAsync(new ProjectInput
            {
                EnterpriseId = enterprise.Id, Title = title, ParkId = park, ChainId = chain, ChainNodeId = node, PlannedInvestmentWan = 300,
                Source = ProjectSource.SelfSourced,
            }, Ct);
            Assert.True(created.Succeeded, string.Join(", ", created.Problems.Select(p => p.Code)));
            db.ChangeTracker.Clear();
            var moved = await projects.MoveAsync(created.Id, 0, new StageMove(stages[stage], null) { Facts = facts }, Ct);
            Assert.True(moved.Succeeded, string.Join(", ", moved.Problems.Select(p => p.Code)));
            db.ChangeTracker.Clear();
        }

        await MoveAsync($"揭榜签约项目{tag}", nodes[0], "signed", signed);
        await MoveAsync($"揭榜在谈项目{tag}", nodes[0], "negotiation", null);
        await MoveAsync($"别链项目{tag}", nodes[1], "signed", signed);
    }

    public sealed class Sqlite(SqliteApp app) : TrackPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : TrackPageTests(app), IClassFixture<PostgresApp>;
}
