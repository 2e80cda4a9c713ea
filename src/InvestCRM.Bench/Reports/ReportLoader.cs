using System.Diagnostics;
using System.Threading.Channels;
using InvestCRM.Bench.Loading;
using InvestCRM.Data;
using InvestCRM.Features.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Bench.Reports;

/// <summary>How long each part of a reports load took, and what it wrote.</summary>
internal sealed record ReportLoad(SyntheticIds FirstIds, HistoryWindow Window, LoadCounts Counts, TimeSpan Rows, TimeSpan Indexes, TimeSpan Finish, IReadOnlyList<(string Step, TimeSpan Time)> Derived)
{
    public TimeSpan Total => Rows + Indexes + Finish + Derived.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Time);
}

/// <summary>
/// Loads the reports suite's data into a prepared database: enterprises and events from the shared generator,
/// then a full stage history per project, with the secondary indexes built after the rows; then the derived tables.
/// </summary>
internal static class ReportLoader
{
    public const int Seed = 20250101;

    private static readonly string[] LoadedTables =
        ["Events", "Enterprises", "EnterpriseChainNodes", "Contacts", "Projects", "StageChanges", "StageReached"];

    public static async Task<ReportLoad> LoadAsync(BenchDatabase db, int projects, int enterprises, DateTimeOffset now)
    {
        var catalog = await db.PrepareAsync();
        var (plan, teams) = await ReferenceAsync(db);
        var ids = await db.FirstFreeIdsAsync();
        var indexes = await DeferredIndexes.DropAsync(db, LoadedTables);
        var search = await DeferredSearchTables.DropAsync(db);
        Console.WriteLine($"Loading {projects:N0} projects with full stage histories over {plan.StartYear}–{plan.EndYear} " +
            $"({indexes.Count} secondary indexes deferred)…");
        var clock = Stopwatch.StartNew();
        var data = new SyntheticData(catalog, Seed, now, ids).Generate(new SyntheticSize(enterprises, 0, 0));
        var window = HistoryWindow.ForPlan(plan.StartYear, plan.EndYear, now);
        var histories = new StageHistories(catalog, teams, data.Enterprises, data.Events, window, ids, Seed);
        var counts = await WriteAsync(db, data, histories.Generate(projects));
        var rows = clock.Elapsed;
        Console.WriteLine($"Wrote {counts.Enterprises:N0} enterprises, {counts.Projects:N0} projects, {counts.StageChanges:N0} stage changes, " +
            $"{counts.StageReached:N0} first reaches in {rows.TotalSeconds:F1} s; building indexes…");
        // The search's columns first, while the projects have no secondary index to keep up to date.
        var indexTime = await search.RestoreAsync() + await indexes.RestoreAsync();
        Console.WriteLine($"Indexes built in {indexTime.TotalSeconds:F1} s");
        clock.Restart();
        await db.FinishLoadAsync();
        var finish = clock.Elapsed;
        var derived = await DerivedTables.BuildAsync(db);
        return new ReportLoad(ids, window, counts, rows, indexTime, finish, derived);
    }

    private static async Task<LoadCounts> WriteAsync(BenchDatabase db, SyntheticDataSet data, IEnumerable<ProjectHistory> histories)
    {
        var counts = new LoadCounts();
        await using var sink = db.OpenSink();
        foreach (var crmEvent in data.Events)
        {
            sink.Write(Tables.Events, crmEvent);
        }

        foreach (var enterprise in data.Enterprises)
        {
            sink.Write(Tables.Enterprises, enterprise);
            enterprise.ChainNodes.ForEach(n => sink.Write(Tables.EnterpriseChainNodes, n));
            enterprise.Contacts.ForEach(c => sink.Write(Tables.Contacts, c));
            counts.Enterprises++;
        }

        var clock = Stopwatch.StartNew();
        await foreach (var history in InBackground(histories))
        {
            sink.Write(Tables.Projects, history.Project);
            history.Changes.ForEach(c => sink.Write(Tables.StageChanges, c));
            history.Reached.ForEach(r => sink.Write(Tables.StageReached, r));
            (counts.StageChanges, counts.StageReached) = (counts.StageChanges + history.Changes.Count, counts.StageReached + history.Reached.Count);
            if (++counts.Projects % 100_000 == 0)
            {
                Console.WriteLine($"  {counts.Projects:N0} projects ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        await sink.CompleteAsync();
        return counts;
    }

    /// <summary>Generates on another thread while this one writes: on two cores, the generator and the driver each get one.</summary>
    private static IAsyncEnumerable<ProjectHistory> InBackground(IEnumerable<ProjectHistory> histories)
    {
        var channel = Channel.CreateBounded<ProjectHistory>(new BoundedChannelOptions(10_000) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var history in histories)
                {
                    await channel.Writer.WriteAsync(history);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        });
        return channel.Reader.ReadAllAsync();
    }

    /// <summary>The demo plan's years and the teams with their parks.</summary>
    private static async Task<((int StartYear, int EndYear) Plan, List<TeamUnit> Teams)> ReferenceAsync(BenchDatabase db)
    {
        await using var services = db.Services();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var plan = await context.Plans.Where(p => p.Name.StartsWith("三明")).Select(p => new { p.StartYear, p.EndYear }).SingleAsync();
        var teams = await context.Teams.OrderBy(t => t.Id).Select(t => new TeamUnit(t.Id, t.ParkId)).ToListAsync();
        return ((plan.StartYear, plan.EndYear), teams);
    }
}
