extern alias bench;

using bench::InvestCRM.Bench;
using bench::InvestCRM.Bench.Loading;
using bench::InvestCRM.Bench.Measuring;
using bench::InvestCRM.Bench.Reports;
using InvestCRM.Data;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Bench.Reports;

/// <summary>
/// The reports suite's load at a small size on each database: every history replays under Core's StageRules,
/// the first reaches are exactly those of the history, dropped projects say why, and the set-based ledger equals
/// what the app itself would have counted.
/// </summary>
public sealed class ReportLoaderTests
{
    private const int Projects = 400;

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Loaded_histories_follow_the_stage_rules(string provider)
    {
        await using var loaded = await LoadedDatabase.CreateAsync(provider);
        var (stages, projects, changes, reached) = await loaded.ReadAsync();

        Assert.Equal(Projects, projects.Count);
        Assert.InRange(changes.Values.Sum(c => c.Count) / (double)Projects, 4.0, 6.0);
        Assert.Contains(projects, p => p.Status == ProjectStatus.Dropped);
        foreach (var project in projects)
        {
            var history = changes[project.Id];
            Assert.All(history, c => Assert.InRange(c.At, loaded.Window.From, loaded.Window.To.AddTicks(-1)));
            Assert.True(history.Zip(history.Skip(1)).All(pair => pair.First.At < pair.Second.At && pair.First.Id < pair.Second.Id), $"project {project.Id}: changes out of order");
            Replay(project, history, stages);
            Assert.Equal(ExpectedReaches(history, stages), reached[project.Id].ToDictionary(r => r.StageId, r => r.FirstReachedAt));
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_set_based_ledger_is_what_the_app_would_count(string provider)
    {
        await using var loaded = await LoadedDatabase.CreateAsync(provider);
        await using var scope = loaded.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var maintenance = scope.ServiceProvider.GetRequiredService<LedgerMaintenance>();
        var signed = (await db.Stages.SingleAsync(s => s.Code == "signed")).Id;
        var entries = await db.LedgerEntries.AsNoTracking().ToListAsync();
        var reaches = await db.StagesReached.AsNoTracking().Where(r => r.StageId == signed).ToDictionaryAsync(r => r.ProjectId);
        var projects = await db.Projects.AsNoTracking().Where(p => reaches.Keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id);

        Assert.InRange(entries.Count, Projects / 4, Projects);
        Assert.Equal(reaches.Count, entries.Count);
        foreach (var entry in entries)
        {
            var expected = LedgerLine.Snapshot(projects[entry.ProjectId], signed, reaches[entry.ProjectId].FirstReachedAt);
            expected.Id = entry.Id;
            Assert.Equivalent(expected, entry);
        }

        Assert.Empty(await maintenance.VerifyAsync());
        Assert.Equal(0, await maintenance.BackfillAsync());
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Short_search_terms_find_the_loaded_rows_and_follow_later_renames(string provider)
    {
        // The load fills the search's own tables after the rows: on SQLite the gram tables (and creates their triggers
        // again), on PostgreSQL the projects' "SearchText", written with the loader's triggers off.
        await using var loaded = await LoadedDatabase.CreateAsync(provider);
        await using var scope = loaded.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var queries = scope.ServiceProvider.GetRequiredService<ProjectQueries>();
        var project = await db.Projects.OrderByDescending(p => p.Id).FirstAsync();

        foreach (var term in new[] { project.Title[..1], project.Title.Substring(2, 2), project.Title.Substring(1, 3) })
        {
            var expected = await db.Projects.CountAsync(p => EF.Functions.Like(p.Title, $"%{term}%") || EF.Functions.Like(p.Enterprise!.Name, $"%{term}%"));
            Assert.Equal(expected, (await queries.ListAsync(new ProjectFilter { Text = term })).Total);
        }

        project.Title = "鸮鹭测试项目";
        await db.SaveChangesAsync();
        Assert.Equal(project.Id, (await queries.ListAsync(new ProjectFilter { Text = "鸮鹭" })).Rows.Single().Id);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Floor_and_naive_sql_compute_the_same_target_figures(string provider)
    {
        await using var loaded = await LoadedDatabase.CreateAsync(provider);
        var data = await ReportData.LoadAsync(loaded.Db);
        var figures = ReportScenarios.TargetFigures(data, data.Targets);
        var sql = new ReportSql(loaded.Db.Provider, data.Plan.CreditRule);
        await using var connection = await ScenarioData.OpenAsync(loaded.Db.Provider, loaded.Db.ConnectionString);

        var fromSummaries = await FirstRowAsync(connection, sql.SummaryFigures(figures));
        var fromDetails = await FirstRowAsync(connection, sql.DetailFigures(figures));

        Assert.Equal(figures.Count, fromSummaries.Count);
        Assert.Contains(fromDetails, value => value > 0);
        Assert.Equal(fromDetails.Select(v => Math.Round(v, 2)), fromSummaries.Select(v => Math.Round(v / LedgerSummary.Scale, 2)));
    }

    private static async Task<List<decimal>> FirstRowAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = ScenarioData.Command(connection, sql);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? 0m : Convert.ToDecimal(reader.GetValue(i))).ToList();
    }

    /// <summary>Walks the history again from the first stage, asking StageRules about every change, with the facts the project ended with.</summary>
    private static void Replay(Project project, IReadOnlyList<StageChange> history, IReadOnlyList<PipelineStage> stages)
    {
        Assert.Null(history[0].FromStageId);
        Assert.Equal(stages[0].Id, history[0].ToStageId);
        Assert.Equal(project.CreatedAt, history[0].At);
        var replay = new Project
        {
            Title = project.Title, OwnerId = project.OwnerId, StageId = stages[0].Id, AgreementDate = project.AgreementDate, SignedAmountWan = project.SignedAmountWan,
            LocalEntityCreditCode = project.LocalEntityCreditCode, RegisteredOn = project.RegisteredOn,
            ConstructionStartedOn = project.ConstructionStartedOn, ProductionStartedOn = project.ProductionStartedOn,
        };
        foreach (var change in history.Skip(1))
        {
            Assert.Equal(replay.StageId, change.FromStageId);
            Assert.Equal(replay.Status, change.FromStatus);
            var problems = change.ToStageId != change.FromStageId
                ? StageRules.CheckMove(replay, stages, new StageMove(change.ToStageId, change.Note))
                : StageRules.CheckStatus(replay, change.ToStatus, change.Note, change.DropReason);
            Assert.True(problems.Count == 0, $"project {project.Id}, change {change.Id}: {string.Join(", ", problems.Select(p => p.Code))}");
            (replay.StageId, replay.Status) = (change.ToStageId, change.ToStatus);
        }

        Assert.Equal((replay.StageId, replay.Status), (project.StageId, project.Status));
        Assert.Equal(project.Status == ProjectStatus.Active, string.IsNullOrWhiteSpace(project.StatusReason));
    }

    /// <summary>Each stage is first reached by the earliest change to it or beyond (a jump passes through the stages between).</summary>
    private static Dictionary<int, DateTimeOffset> ExpectedReaches(IReadOnlyList<StageChange> history, IReadOnlyList<PipelineStage> stages)
    {
        var order = stages.ToDictionary(s => s.Id, s => s.Order);
        return stages
            .Select(s => (s.Id, First: history.Where(c => order[c.ToStageId] >= s.Order).Select(c => (DateTimeOffset?)c.At).FirstOrDefault()))
            .Where(r => r.First is not null)
            .ToDictionary(r => r.Id, r => r.First!.Value);
    }

    /// <summary>A database loaded by the reports suite's own loader, dropped afterwards.</summary>
    private sealed class LoadedDatabase : IAsyncDisposable
    {
        private LoadedDatabase(BenchDatabase db, ReportLoad load)
        {
            Db = db;
            Load = load;
            Services = db.Services();
        }

        public BenchDatabase Db { get; }
        public ReportLoad Load { get; }
        public HistoryWindow Window => Load.Window;
        public ServiceProvider Services { get; }

        public static async Task<LoadedDatabase> CreateAsync(string provider)
        {
            var db = await BenchDatabase.CreateAsync(new BenchOptions
            {
                Provider = provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
                Connection = Environment.GetEnvironmentVariable("INVESTCRM_TEST_POSTGRES"),
            });
            try
            {
                return new LoadedDatabase(db, await ReportLoader.LoadAsync(db, Projects, enterprises: 100, DateTimeOffset.UtcNow));
            }
            catch
            {
                await db.DropAsync();
                throw;
            }
        }

        /// <summary>The stages, and the generated projects (not the demo's own) with their changes and first reaches.</summary>
        public async Task<(List<PipelineStage>, List<Project>, Dictionary<int, List<StageChange>>, ILookup<int, StageReached>)> ReadAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var first = Load.FirstIds.Project;
            var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Order).ToListAsync();
            var projects = await db.Projects.AsNoTracking().Where(p => p.Id >= first).ToListAsync();
            var changes = (await db.StageChanges.AsNoTracking().Where(c => c.ProjectId >= first).ToListAsync())
                .GroupBy(c => c.ProjectId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).ThenBy(c => c.Id).ToList());
            var reached = (await db.StagesReached.AsNoTracking().Where(r => r.ProjectId >= first).ToListAsync()).ToLookup(r => r.ProjectId);
            return (stages, projects, changes, reached);
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Db.DropAsync();
        }
    }
}
