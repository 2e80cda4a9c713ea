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

    /// <summary>One change as the trail writes it: the field's label, then old → new.</summary>
    private static string Line(string label, string old, string @new) => $"<strong>{UiText.Chinese(label)}</strong>: {old} → {@new}</div>";

    public sealed class Sqlite(SqliteApp app) : AuditTrailPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : AuditTrailPageTests(app), IClassFixture<PostgresApp>;
}
