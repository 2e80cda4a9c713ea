using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Projects;

/// <summary>
/// The list's total and the board's counts come from the pipeline summary when the filter allows it; these tests
/// hold them to the projects themselves after random creates, moves, status changes and edits.
/// </summary>
public class ProjectCountTests
{
    private static readonly string[] OpenStages = ["lead", "contact", "site-visit", "negotiation"];

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task List_and_board_counts_equal_the_projects_after_random_changes(string provider)
    {
        await using var db = await ProjectTestDatabase.CreateAsync(provider);
        db.User.Current = ProjectTestDatabase.Staff("staff-a", db.TeamA);
        var random = new Random(11);
        var (parks, incubator) = await ParksAndIncubatorAsync(db);
        var ids = new List<int>();
        for (var i = 0; i < 16; i++)
        {
            ids.Add(await CreateAsync(db, random, parks, incubator, i));
        }

        for (var i = 0; i < 30; i++)
        {
            await ChangeAsync(db, random, ids[random.Next(ids.Count)], parks);
        }

        foreach (var filter in Filters(db, parks, incubator))
        {
            Assert.Equal(await ExpectedAsync(db, filter), (await db.Queries.ListAsync(filter)).Total);
            var board = await db.Queries.BoardAsync(filter with { Status = null, StageId = null, IncubatorId = null, Source = null });
            foreach (var column in board)
            {
                var expected = await ExpectedAsync(db, filter with { Status = ProjectStatus.Active, StageId = column.StageId, IncubatorId = null, Source = null });
                Assert.Equal((expected, false), (column.Count, column.CountCapped));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_partner_counts_only_the_projects_of_their_incubator(string provider)
    {
        await using var db = await ProjectTestDatabase.CreateAsync(provider);
        db.User.Current = ProjectTestDatabase.Staff("staff-a", db.TeamA);
        var (parks, incubator) = await ParksAndIncubatorAsync(db);
        var random = new Random(3);
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(db, random, parks, i < 2 ? incubator : null, i);
        }

        db.User.Current = new CurrentUser("partner", "partner", new HashSet<string> { Roles.Partner }, null, incubator);

        Assert.Equal(2, (await db.Queries.ListAsync(new ProjectFilter())).Total);
        Assert.Equal(2, (await db.Queries.BoardAsync(new ProjectFilter())).Sum(c => c.Count));
    }

    private static IEnumerable<ProjectFilter> Filters(ProjectTestDatabase db, int[] parks, int incubator) =>
    [
        new(),
        new() { StageId = db.Stage("contact").Id },
        new() { Status = ProjectStatus.OnHold },
        new() { ChainId = db.ChainId },
        new() { TeamId = db.TeamB, ParkId = parks[0] },
        new() { StageId = db.Stage("lead").Id, ChainId = db.OtherChainId, Status = ProjectStatus.Active },
        new() { IncubatorId = incubator },
        new() { ParkId = parks[1], ChainId = db.ChainId },
        new() { Source = ProjectSource.OffshoreIncubator, ChainId = db.ChainId },
        new() { OwnerId = "staff-a", TeamId = db.TeamA },
        new() { ChainId = 0 },
    ];

    /// <summary>The definition: the projects themselves, with every filter applied as a plain condition.</summary>
    private static Task<int> ExpectedAsync(ProjectTestDatabase db, ProjectFilter f) =>
        db.Db.Projects.AsNoTracking().CountAsync(p => (f.StageId == null || p.StageId == f.StageId) && (f.Status == null || p.Status == f.Status)
            && (f.TeamId == null || p.TeamId == f.TeamId) && (f.ParkId == null || p.ParkId == f.ParkId) && (f.ChainId == null || p.ChainId == f.ChainId)
            && (f.IncubatorId == null || p.IncubatorId == f.IncubatorId) && (f.Source == null || p.Source == f.Source)
            && (f.OwnerId == null || p.OwnerId == f.OwnerId));

    private static async Task<(int[] Parks, int Incubator)> ParksAndIncubatorAsync(ProjectTestDatabase db)
    {
        var plan = await db.Db.Plans.Select(p => p.Id).FirstAsync();
        var parks = new[] { new Park { PlanId = plan, Name = "三明高新区" }, new Park { PlanId = plan, Name = "永安基地" } };
        var incubator = new OffshoreIncubator { PlanId = plan, Name = "北京离岸孵化器", City = "北京" };
        db.Db.AddRange(parks);
        db.Db.Add(incubator);
        await db.Db.SaveChangesAsync();
        db.Db.ChangeTracker.Clear();
        return (parks.Select(p => p.Id).ToArray(), incubator.Id);
    }

    private static async Task<int> CreateAsync(ProjectTestDatabase db, Random random, int[] parks, int? incubator, int i)
    {
        var created = await db.Projects.CreateAsync(new ProjectInput
        {
            EnterpriseId = await db.EnterpriseAsync($"测试企业{i}"), Title = $"测试项目{i}", TeamId = Pick<int?>(random, db.TeamA, db.TeamB, null),
            ChainId = Pick<int?>(random, db.ChainId, db.OtherChainId, null), ParkId = Pick<int?>(random, parks[0], parks[1], null), IncubatorId = incubator,
            Source = incubator is null ? ProjectSource.SelfSourced : ProjectSource.OffshoreIncubator,
        });
        Assert.True(created.Succeeded, string.Join(", ", created.Problems));
        db.Db.ChangeTracker.Clear();
        return created.Id;
    }

    /// <summary>A move to another open stage, a status change, or an edit of team, park and chain.</summary>
    private static async Task ChangeAsync(ProjectTestDatabase db, Random random, int id, int[] parks)
    {
        var project = await db.Db.Projects.AsNoTracking().SingleAsync(p => p.Id == id);
        var outcome = random.Next(3) switch
        {
            0 => await db.Projects.MoveAsync(id, project.Version, new StageMove(db.Stage(OpenStages[random.Next(OpenStages.Length)]).Id, "测试调整")),
            1 => await db.Projects.SetStatusAsync(id, project.Version, Pick(random, ProjectStatus.Active, ProjectStatus.OnHold, ProjectStatus.Dropped),
                "测试原因", DropReason.Other),
            _ => await db.Projects.UpdateAsync(id, project.Version, ProjectInput.From(project) with
            {
                TeamId = Pick<int?>(random, db.TeamA, db.TeamB, null), ParkId = Pick<int?>(random, parks[0], parks[1], null), ChainId = Pick<int?>(random, db.ChainId, db.OtherChainId, null),
            }),
        };
        db.Db.ChangeTracker.Clear();
        Assert.True(outcome.Succeeded || outcome.Problems.All(p => p.Code.StartsWith("Rule.", StringComparison.Ordinal)), string.Join(", ", outcome.Problems));
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
