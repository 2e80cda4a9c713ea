using System.Diagnostics;
using InvestCRM.Bench.Loading;
using InvestCRM.Bench.Measuring;
using InvestCRM.Data;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Bench.Reports;

/// <summary>One step that builds or checks tables derived from the loaded detail rows.</summary>
internal sealed record DerivedStep(string Name, Func<DerivedContext, Task> Run);

/// <summary>What a step may use: the database for set-based SQL, and Core's services (as the system user) for a feature's own rebuild.</summary>
internal sealed class DerivedContext(BenchDatabase db, IServiceProvider services)
{
    public BenchDatabase Db => db;

    public T Service<T>() where T : notnull => services.GetRequiredService<T>();
}

/// <summary>
/// The tables the reports read that are derived from projects and their histories, built after every load (and
/// again with <c>--reuse … --derive</c>). A summary maintained by a feature is one more step that calls the feature's
/// own set-based rebuild (as the pipeline and funnel summaries do), placed before the checks.
/// </summary>
internal static class DerivedTables
{
    public static readonly IReadOnlyList<DerivedStep> Steps =
    [
        new("ledger entries (first reaches of counting stages, set-based)", c => LedgerBulk.BackfillAsync(c.Db)),
        new("ledger summaries (set-based rebuild)", c => LedgerBulk.RebuildSummariesAsync(c.Db)),
        new("ledger roll-ups (set-based rebuild)", c => LedgerRollup.Definition.RebuildAsync(c.Service<CrmDbContext>(), default)),
        new("pipeline summary (set-based rebuild)", c => c.Service<PipelineMaintenance>().RebuildAsync()),
        new("funnel summaries and roll-ups (set-based rebuild)", c => c.Service<FunnelMaintenance>().RebuildAsync()),
        new("planner statistics", c => c.Db.AnalyzeAsync()),
        new("check: ledger summaries equal the ledger, roll-ups the summaries (LedgerMaintenance.VerifyAsync)", VerifyLedgerAsync),
        new("check: funnel roll-ups equal the funnel summaries", VerifyFunnelRollupsAsync),
    ];

    /// <summary>Runs every step in order, each in a fresh service scope, and prints how long each took.</summary>
    public static async Task<IReadOnlyList<(string Step, TimeSpan Time)>> BuildAsync(BenchDatabase db)
    {
        var times = new List<(string, TimeSpan)>();
        await using var services = db.Services();
        foreach (var step in Steps)
        {
            var clock = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                await step.Run(new DerivedContext(db, scope.ServiceProvider));
            }

            Console.WriteLine($"  derived: {step.Name} in {clock.Elapsed.TotalSeconds:F1} s");
            times.Add((step.Name, clock.Elapsed));
        }

        return times;
    }

    private static async Task VerifyLedgerAsync(DerivedContext context)
    {
        var problems = await context.Service<LedgerMaintenance>().VerifyAsync();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The ledger summaries differ from the ledger in {problems.Count} rows, e.g.:\n  " +
                string.Join("\n  ", problems.Take(10)));
        }
    }

    private static async Task VerifyFunnelRollupsAsync(DerivedContext context)
    {
        if (await FunnelRollup.Definition.DifferencesAsync(context.Service<CrmDbContext>(), default) is var differences and > 0)
        {
            throw new InvalidOperationException($"{differences} funnel roll-up rows differ from the funnel summaries.");
        }
    }

    /// <summary>Applies migrations the app gained since the database was loaded (a new summary's table), before rebuilding on a reused database.</summary>
    public static async Task MigrateAsync(BenchDatabase db)
    {
        await using var services = db.Services();
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
    }
}
