using InvestCRM.Features.Funnel;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Funnel;

/// <summary>The summaries stay equal to the detail rows through random creates, moves, edits, drops and reactivations.</summary>
public sealed class FunnelConsistencyTests
{
    private static readonly string[] Reachable = ["lead", "contact", "site-visit", "negotiation", "signed"];

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Summaries_equal_detail_after_random_edits_and_rebuild_gives_the_same(string provider)
    {
        await using var db = await FunnelTestDatabase.CreateAsync(provider);
        var random = new Random(20261122);
        var at = FunnelTestDatabase.At(2025, 1, 3, 9);
        var ids = new List<int>();
        for (var step = 0; step < 60; step++)
        {
            // Hours apart, so stays land in several buckets and changes cross midnights and month ends.
            at = at.AddHours(random.Next(1, 24 * 20));
            await RandomStepAsync(db, random, ids, at, step);
        }

        var incremental = await db.SummaryRowsAsync();
        Assert.Empty(await db.Maintenance.VerifyAsync());
        Assert.Contains(incremental, r => r.StartsWith($"({FunnelKind.Drop},", StringComparison.Ordinal));
        Assert.Contains(incremental, r => r.StartsWith($"({FunnelKind.Stay},", StringComparison.Ordinal));

        await db.Maintenance.RebuildAsync();
        Assert.Equal(incremental, await db.SummaryRowsAsync());
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_summary_out_of_step_is_reported_and_repaired_by_a_rebuild(string provider)
    {
        await using var db = await FunnelFixtureTests.BuildAsync(provider);
        var row = await db.Db.FunnelSummaries.FirstAsync(s => s.Kind == FunnelKind.Reached);
        row.Projects += 1;
        await db.Db.SaveChangesAsync();
        db.Db.ChangeTracker.Clear();

        Assert.Single(await db.Maintenance.VerifyAsync());
        await db.Maintenance.RebuildAsync();
        Assert.Empty(await db.Maintenance.VerifyAsync());
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_rollup_out_of_step_is_reported_and_repaired_by_a_rebuild(string provider)
    {
        await using var db = await FunnelFixtureTests.BuildAsync(provider);
        Assert.Contains(await db.Db.FunnelRollups.Select(r => r.UnitKind).Distinct().ToListAsync(), k => k == RollupUnit.Park);
        var row = await db.Db.FunnelRollups.FirstAsync(s => s.Kind == FunnelKind.Reached && s.UnitKind == RollupUnit.Park);
        row.Projects += 1;
        await db.Db.SaveChangesAsync();
        db.Db.ChangeTracker.Clear();

        Assert.Equal(["1 roll-up rows differ from the summaries"], await db.Maintenance.VerifyAsync());
        await db.Maintenance.RebuildAsync();
        Assert.Empty(await db.Maintenance.VerifyAsync());
    }

    private static async Task RandomStepAsync(FunnelTestDatabase db, Random random, List<int> ids, DateTimeOffset at, int step)
    {
        if (ids.Count < 3 || random.Next(5) == 0)
        {
            var park = random.Next(3) == 0 ? (int?)null : random.Next(2) == 0 ? db.Park1 : db.Park2;
            var incubator = random.Next(2) == 0 ? (int?)null : db.Incubator1;
            ids.Add(await db.CreateAsync($"R{step}", at, park, incubator, random.Next(2) == 0 ? db.Database.TeamA : db.Database.TeamB, random.Next(0, 3000)));
            return;
        }

        var id = ids[random.Next(ids.Count)];
        var project = await db.Db.Projects.AsNoTracking().FirstAsync(p => p.Id == id);
        switch (project.Status, random.Next(4))
        {
            case (ProjectStatus.Active, 0):
                await db.SetStatusAsync(id, ProjectStatus.Dropped, at, Enum.GetValues<DropReason>()[random.Next(6)]);
                break;
            case (ProjectStatus.Active, 1):
                await EditAsync(db, project, random);
                break;
            case (ProjectStatus.Active, _):
                var stage = Reachable.Where(s => db.Stage(s) != project.StageId).ElementAt(random.Next(Reachable.Length - 1));
                await db.MoveAsync(id, stage, at);
                break;
            default:
                await db.SetStatusAsync(id, ProjectStatus.Active, at);
                break;
        }
    }

    /// <summary>An edit that moves the project to other units and another planned investment.</summary>
    private static async Task EditAsync(FunnelTestDatabase db, Project project, Random random)
    {
        var incubator = project.IncubatorId is null ? db.Incubator2 : (int?)null;
        var input = ProjectInput.From(project) with
        {
            ParkId = project.ParkId == db.Park1 ? db.Park2 : db.Park1,
            IncubatorId = incubator,
            Source = incubator is null ? ProjectSource.SelfSourced : ProjectSource.OffshoreIncubator,
            PlannedInvestmentWan = random.Next(0, 5000) + 0.25m,
        };
        var outcome = await db.Projects.UpdateAsync(project.Id, project.Version, input);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        db.Db.ChangeTracker.Clear();
    }
}
