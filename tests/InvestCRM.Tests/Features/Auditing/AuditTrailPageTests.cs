using System.Globalization;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Events;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Auditing;

/// <summary>The change history as a page shows it: each field by its label, each value in the user's language.</summary>
public abstract class AuditTrailPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task A_stage_that_requires_no_facts_reads_none_rather_than_the_enum_name()
    {
        await using var db = App.Database.CreateContext();
        var lead = await db.Stages.Where(s => s.Code == "lead").Select(s => s.Id).SingleAsync(Ct);
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await manager.GetPageAsync($"/admin/stages/{lead}");

        Assert.Contains(Line("Field.PipelineStage.RequiredFacts", "—", UiText.Chinese("Enum.ProjectFacts.None")), page);
        Assert.DoesNotContain("→ None<", page);
    }

    [Fact]
    public async Task Changes_made_by_start_up_or_a_job_are_shown_as_made_by_the_system_in_the_users_language()
    {
        await using var db = App.Database.CreateContext();
        var lead = await db.Stages.Where(s => s.Code == "lead").Select(s => s.Id).SingleAsync(Ct);
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await manager.GetPageAsync($"/admin/stages/{lead}");

        Assert.Contains($"<td>{UiText.Chinese("Audit.System")}</td>", page);
        Assert.DoesNotContain("<td>system</td>", page);
    }

    [Fact]
    public async Task A_ledger_entry_trail_labels_its_figures_and_names_the_units_it_credited()
    {
        await using var db = App.Database.CreateContext();
        var park = await db.Parks.SingleAsync(p => p.Name == SanmingPlan.DevelopmentZone, Ct);
        var chain = await db.IndustryChains.Include(c => c.Nodes).OrderBy(c => c.Id).FirstAsync(Ct);
        var team = await db.Teams.OrderBy(t => t.Id).FirstAsync(Ct);
        var id = await AddLedgerEntryAsync(e =>
        {
            (e.ParkId, e.ChainId, e.ChainNodeId, e.InvestmentWan, e.IsExpansion) = (park.Id, chain.Id, chain.Nodes[0].Id, 1234.5m, true);
            (e.SecondaryScope, e.SecondaryId, e.SecondarySharePercent) = (TargetScope.Team, team.Id, 40);
        });
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await manager.GetPageAsync($"/ledger/entries/{id}");

        Assert.Contains(Line("Field.LedgerEntry.ParkId", "—", $"{park.Name} (#{park.Id})"), page);
        Assert.Contains(Line("Field.LedgerEntry.ChainId", "—", $"{chain.Name} (#{chain.Id})"), page);
        Assert.Contains(Line("Field.LedgerEntry.ChainNodeId", "—", $"{chain.Nodes[0].Name} (#{chain.Nodes[0].Id})"), page);
        Assert.Contains(Line("Field.LedgerEntry.SecondaryId", "—", $"{team.Name} (#{team.Id})"), page);
        Assert.Contains(Line("Field.LedgerEntry.InvestmentWan", "—", "1234.5"), page);
        Assert.Contains(Line("Field.LedgerEntry.IsExpansion", "—", UiText.Chinese("Common.Yes")), page);
        Assert.Contains(Line("Field.LedgerEntry.SecondarySharePercent", "—", "40"), page);
    }

    [Fact]
    public async Task In_english_the_trail_names_stages_parks_chains_and_teams_by_their_english_names()
    {
        await using var db = App.Database.CreateContext();
        var park = await db.Parks.SingleAsync(p => p.Name == SanmingPlan.DevelopmentZone, Ct);
        var chain = await db.IndustryChains.Where(c => c.NameEn != null).OrderBy(c => c.Id).FirstAsync(Ct);
        var team = await db.Teams.Where(t => t.NameEn != null).OrderBy(t => t.Id).FirstAsync(Ct);
        var id = await AddLedgerEntryAsync(e => (e.ParkId, e.ChainId, e.SecondaryScope, e.SecondaryId) = (park.Id, chain.Id, TargetScope.Team, team.Id));
        var stage = await db.LedgerEntries.Where(e => e.Id == id).Select(e => e.StageId).SingleAsync(Ct);
        var user = await App.CreateUserAsync(Roles.Manager);
        using var manager = await App.SignedInSessionAsync(user.Email, user.Password);
        using var switched = await manager.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });

        var page = await manager.GetPageAsync($"/ledger/entries/{id}");

        Assert.Contains(EnglishLine("Field.LedgerEntry.StageId", "—", $"Signed (#{stage})"), page);
        Assert.Contains(EnglishLine("Field.LedgerEntry.ParkId", "—", $"{park.NameEn} (#{park.Id})"), page);
        Assert.Contains(EnglishLine("Field.LedgerEntry.ChainId", "—", $"{chain.NameEn} (#{chain.Id})"), page);
        Assert.Contains(EnglishLine("Field.LedgerEntry.SecondaryId", "—", $"{team.NameEn} (#{team.Id})"), page);
    }

    [Fact]
    public async Task Days_read_as_other_pages_write_them_whether_stored_as_yyyy_MM_dd_or_in_the_first_MM_dd_yyyy()
    {
        await using var db = App.Database.CreateContext();
        var crmEvent = new CrmEvent { Name = $"审计日期测试-{Guid.NewGuid():N}", City = "北京", Date = new DateOnly(2024, 3, 15) };
        db.Events.Add(crmEvent);
        await db.SaveChangesAsync(Ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow, EntityType = nameof(CrmEvent), EntityId = crmEvent.Id.ToString(CultureInfo.InvariantCulture), Action = AuditAction.Updated,
            Changes = """[{"field":"Date","old":"03/15/2024","new":"11/02/2024"}]""",
        });
        await db.SaveChangesAsync(Ct);
        using var manager = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);

        var page = await manager.GetPageAsync($"/events/{crmEvent.Id}");

        Assert.Contains(Line("Field.CrmEvent.Date", "—", ChineseDate(2024, 3, 15)), page);
        Assert.Contains(Line("Field.CrmEvent.Date", ChineseDate(2024, 3, 15), ChineseDate(2024, 11, 2)), page);
        Assert.DoesNotContain("/2024", page);
    }

    /// <summary>A day as every page writes it in Chinese (<c>Display.Date</c>).</summary>
    private static string ChineseDate(int year, int month, int day) => new DateOnly(year, month, day).ToString("d", CultureInfo.GetCultureInfo("zh-CN"));

    /// <summary>A ledger entry written by the system for a demo project not yet counted, at the 签约 stage.</summary>
    private async Task<long> AddLedgerEntryAsync(Action<LedgerEntry> fill)
    {
        await using var db = App.Database.CreateContext();
        var entry = new LedgerEntry
        {
            ProjectId = await db.Projects.Where(p => !db.LedgerEntries.Any(e => e.ProjectId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct),
            StageId = await db.Stages.Where(s => s.Code == "signed").Select(s => s.Id).SingleAsync(Ct),
            CountedAt = DateTimeOffset.UtcNow,
        };
        fill(entry);
        db.LedgerEntries.Add(entry);
        await db.SaveChangesAsync(Ct);
        return entry.Id;
    }

    /// <summary>One change as the trail writes it: the field's label, then old → new.</summary>
    private static string Line(string label, string old, string @new) => $"<strong>{UiText.Chinese(label)}</strong>: {old} → {@new}</div>";

    private static string EnglishLine(string label, string old, string @new) => $"<strong>{UiText.English(label)}</strong>: {old} → {@new}</div>";

    public sealed class Sqlite(SqliteApp app) : AuditTrailPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AuditTrailPageTests(app), IClassFixture<PostgresApp>;
}
