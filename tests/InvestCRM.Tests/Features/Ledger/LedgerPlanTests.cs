using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Ledger;

/// <summary>
/// The ledger page counts a target's entries on every view (536,823 at a million projects). Every query names the
/// partner scope's IncubatorId, so SQLite counts from the index alone only when the index holds that column too;
/// otherwise it reads each entry's row.
/// </summary>
public sealed class LedgerPlanTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_targets_entries_are_counted_from_the_index_alone_on_SQLite(bool partner)
    {
        await using var database = await ProjectTestDatabase.CreateAsync("sqlite");
        var user = new TestUserAccessor
        {
            Current = partner
                ? new CurrentUser("p", "p", new HashSet<string> { Roles.Partner }, null, 7)
                : ProjectTestDatabase.Staff("s", database.TeamA),
        };
        await using var db = database.NewContext(user);
        var scope = new LedgerScope(database.Stages[4].Id, new DateRange(new DateOnly(2021, 1, 1), new DateOnly(2026, 1, 1)),
            TargetScope.Plan, [], CreditRule.Split);

        var count = await SqlitePlans.SqlOfAsync(db, () => new LedgerQueries(db).EntriesAsync(scope, 1),
            sql => sql.Contains("COUNT(*)", StringComparison.Ordinal) && sql.Contains("\"LedgerEntries\"", StringComparison.Ordinal));

        Assert.Contains("IncubatorId", count.Text);
        var plan = await SqlitePlans.PlanAsync(db, count);
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_LedgerEntries_StageId_CountedAt_Id_IncubatorId", StringComparison.Ordinal));
    }
}
