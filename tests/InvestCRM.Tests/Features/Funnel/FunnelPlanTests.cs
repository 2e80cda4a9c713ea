using InvestCRM.Data;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Funnel;

/// <summary>
/// The funnel reads its roll-up rows on every view. Once ANALYZE has counted the roll-up table, SQLite may skip-scan
/// the index for the months of every unit instead of reading the one unit asked for: at a million projects the
/// whole-plan statement then took 14 ms instead of 2.5.
/// </summary>
public sealed class FunnelPlanTests
{
    /// <summary>The roll-up index's statistics on the benchmark's database of a million projects.</summary>
    private const string MillionProjects = "125326 25066 4043 1011 135 4 3 1";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_funnel_reads_the_roll_up_rows_of_its_unit_alone_on_SQLite(bool park)
    {
        await using var database = await FunnelTestDatabase.CreateAsync("sqlite");
        await using var db = database.Database.NewContext(new TestUserAccessor { Current = ProjectTestDatabase.Staff("s", database.Database.TeamA) });
        await SqlitePlans.StatisticsAsync(db, "FunnelRollups", "IX_FunnelRollups_UnitKind_UnitId_Kind_StageId_Month_Cohort_Detail", MillionProjects);
        var queries = new FunnelQueries(db, new ReportOptionsQuery(db, new ReferenceCache()), new ReferenceCache());
        var units = new FunnelUnits(park ? [database.Park1] : null, null, null, null);

        var sent = await SqlitePlans.SqlOfAsync(db,
            () => queries.CellsAsync(units, new DateRange(new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1))),
            sql => sql.Contains("\"FunnelRollups\"", StringComparison.Ordinal));

        var plan = await SqlitePlans.PlanAsync(db, sent);
        var reads = plan.Where(step => step.Contains("FunnelRollups", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, step => Assert.Contains("(UnitKind=? AND UnitId=?", step, StringComparison.Ordinal));
    }
}
