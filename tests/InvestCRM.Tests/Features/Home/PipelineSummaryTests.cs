using InvestCRM.Features.Pipeline;
using InvestCRM.Features.Projects;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Home;

/// <summary>The pipeline summary equals the projects after any mix of writes, and a rebuild gives the same rows.</summary>
public sealed class PipelineSummaryTests
{
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Summary_equals_the_projects_after_random_creates_edits_moves_and_drops(string provider)
    {
        await using var database = await ProjectTestDatabase.CreateAsync(provider);
        var maintenance = new PipelineMaintenance(database.Db);
        var random = new Random(2026);
        var ids = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            await RandomWriteAsync(database, random, ids, i);
            database.Db.ChangeTracker.Clear();
        }

        Assert.Empty(await maintenance.VerifyAsync());
        var incremental = await maintenance.StoredAsync();
        Assert.NotEmpty(incremental);

        await maintenance.RebuildAsync();

        Assert.Equal(Rows(incremental), Rows(await maintenance.StoredAsync()));
        Assert.Empty(await maintenance.VerifyAsync());
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_refused_save_changes_nothing_and_a_deleted_project_leaves_the_summary(string provider)
    {
        await using var database = await ProjectTestDatabase.CreateAsync(provider);
        var maintenance = new PipelineMaintenance(database.Db);
        var id = await CreateAsync(database, 0, 123.45m);
        var project = await database.Db.Projects.AsNoTracking().FirstAsync(p => p.Id == id);
        Assert.True((await database.Projects.UpdateAsync(id, project.Version, ProjectInput.From(project) with { PlannedInvestmentWan = 200 })).Succeeded);
        database.Db.ChangeTracker.Clear();

        // The stale version is refused: neither the project nor the summary moves.
        Assert.False((await database.Projects.UpdateAsync(id, project.Version, ProjectInput.From(project) with { PlannedInvestmentWan = 999 })).Succeeded);
        database.Db.ChangeTracker.Clear();
        Assert.Equal(200 * PipelineSummary.Scale, Assert.Single(await maintenance.StoredAsync()).InvestmentWan);

        var bare = new Project { EnterpriseId = project.EnterpriseId, Title = "临时项目", OwnerId = "staff-a", StageId = project.StageId, PlannedInvestmentWan = 0.01m };
        database.Db.Projects.Add(bare);
        await database.Db.SaveChangesAsync();
        database.Db.Projects.Remove(bare);
        await database.Db.SaveChangesAsync();

        Assert.Empty(await maintenance.VerifyAsync());
        Assert.Equal(200 * PipelineSummary.Scale, Assert.Single(await maintenance.StoredAsync()).InvestmentWan);
    }

    private static async Task RandomWriteAsync(ProjectTestDatabase database, Random random, List<int> ids, int step)
    {
        if (ids.Count < 5 || random.Next(4) == 0)
        {
            ids.Add(await CreateAsync(database, random.Next(2), random.Next(0, 100_000) / 100m));
            return;
        }

        var id = ids[random.Next(ids.Count)];
        var project = await database.Db.Projects.AsNoTracking().FirstAsync(p => p.Id == id);
        var outcome = random.Next(4) switch
        {
            0 => await database.Projects.UpdateAsync(id, project.Version, ProjectInput.From(project) with
            {
                PlannedInvestmentWan = random.Next(3) == 0 ? null : random.Next(0, 1_000_000) / 100m,
                TeamId = random.Next(2) == 0 ? database.TeamA : database.TeamB,
                ChainId = random.Next(3) == 0 ? null : database.ChainId,
            }),
            1 => await database.Projects.MoveAsync(id, project.Version, new StageMove(database.Stages[random.Next(4)].Id, "推进")),
            2 => await database.Projects.SetStatusAsync(id, project.Version, (ProjectStatus)random.Next(3), "调整", DropReason.Other),
            _ => await database.Projects.UpdateAsync(id, project.Version - 1 + (step % 2), ProjectInput.From(project) with { PlannedInvestmentWan = 1 }),
        };
        Assert.NotNull(outcome);
    }

    private static async Task<int> CreateAsync(ProjectTestDatabase database, int team, decimal investment)
    {
        var input = new ProjectInput
        {
            EnterpriseId = await database.EnterpriseAsync($"汇总测试企业{Guid.NewGuid():N}"), Title = "汇总测试项目", OwnerId = "staff-a",
            TeamId = team == 0 ? database.TeamA : database.TeamB, ChainId = team == 0 ? database.ChainId : null, PlannedInvestmentWan = investment,
        };
        var outcome = await database.Projects.CreateAsync(input);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        database.Db.ChangeTracker.Clear();
        return outcome.Id;
    }

    private static string[] Rows(IReadOnlyList<PipelineSummary> rows) =>
        rows.Select(r => $"{r.StageId}/{r.Status}/{r.ParkId}/{r.TeamId}/{r.IncubatorId}/{r.ChainId}={r.Projects}/{r.InvestmentWan}").ToArray();
}
