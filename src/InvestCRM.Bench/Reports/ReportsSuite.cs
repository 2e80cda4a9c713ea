using InvestCRM.Bench.Loading;
using InvestCRM.Bench.Measuring;

namespace InvestCRM.Bench.Reports;

/// <summary>
/// <c>--suite reports</c>: a million projects with full stage histories and their ledger; the dashboard, the funnel
/// and the ledger page over HTTP, against the best SQL over the summary tables (the floor) and the naive aggregate.
/// </summary>
internal static class ReportsSuite
{
    public static async Task RunAsync(BenchOptions options, string[] args)
    {
        Console.WriteLine($"InvestCRM bench, reports: {options.Provider}, {options.Projects:N0} projects, {options.Enterprises:N0} enterprises; " +
            $"{options.Clients} clients × {options.DurationSeconds} s; {Environment.ProcessorCount} cores");
        var loadBefore = BenchRun.LoadAverage();
        var db = options.Reuse is { } kept ? BenchDatabase.Existing(options.Provider, kept) : await BenchDatabase.CreateAsync(options);
        try
        {
            var load = await LoadAsync(db, options);
            var data = await ReportData.LoadAsync(db);
            var scenarios = ReportScenarios.All(data, db.Provider).Where(s => options.Selected(s.Name)).ToList();
            var rows = await MeasureAsync(db, options, scenarios);
            var notes = Notes(options, args, data, load, loadBefore);
            var markdown = ReportTable.Markdown($"{options.Provider}, reports, {data.Projects:N0} projects", rows, notes);
            await BenchRun.WriteAsync(markdown, options.Out ?? $"bench-reports-{options.Provider.ToString().ToLowerInvariant()}-{data.Projects}.md");
        }
        finally
        {
            if (options.Keep || options.Reuse is not null)
            {
                Console.WriteLine($"Database kept: {db.ConnectionString}");
            }
            else
            {
                await db.DropAsync();
            }
        }
    }

    /// <summary>A fresh load, or a kept database as it is, or (with --derive) with its derived tables rebuilt.</summary>
    private static async Task<ReportLoad?> LoadAsync(BenchDatabase db, BenchOptions options)
    {
        if (options.Reuse is null)
        {
            var load = await ReportLoader.LoadAsync(db, options.Projects, options.Enterprises, DateTimeOffset.UtcNow);
            Console.WriteLine($"Loaded in {load.Total.TotalSeconds:F0} s");
            return load;
        }

        if (options.Derive)
        {
            await DerivedTables.MigrateAsync(db);
            await DerivedTables.BuildAsync(db);
        }

        return null;
    }

    private static async Task<List<ReportRow>> MeasureAsync(BenchDatabase db, BenchOptions options, IReadOnlyList<ReportScenario> scenarios)
    {
        var http = await MeasureHttpAsync(db, options, scenarios);
        var connections = await BenchRun.OpenAsync(db, options.Clients);
        try
        {
            var rows = new List<ReportRow>();
            foreach (var (scenario, (page, missing)) in scenarios.Zip(http))
            {
                var floor = scenario.Floor is { } sql
                    ? await BenchRun.MeasureAsync("floor", scenario.Name, connections, (c, _) => RawSql.ReadAllAsync(c, sql), options.WarmupSeconds, options.DurationSeconds)
                    : null;
                // The naive aggregate takes seconds at full size: one connection, no warm-up, at least one run.
                var naive = scenario.Naive is { } detail
                    ? await BenchRun.MeasureAsync("naive", scenario.Name, connections.Take(1).ToList(), (c, _) => RawSql.ReadAllAsync(c, detail), 0, options.DurationSeconds)
                    : null;
                rows.Add(new ReportRow(scenario.Name, page, missing, floor, naive));
            }

            return rows;
        }
        finally
        {
            await BenchRun.CloseAsync(connections);
        }
    }

    /// <summary>Each page over HTTP; a page this build does not have (404 to a signed-in manager) is reported as not available.</summary>
    private static async Task<List<(Measurement?, string?)>> MeasureHttpAsync(BenchDatabase db, BenchOptions options, IReadOnlyList<ReportScenario> scenarios)
    {
        await using var app = await WebAppProcess.StartAsync(db, options.WebDll ?? BenchRun.DefaultWebDll());
        Console.WriteLine($"App listening on {app.Address}; signing in {options.Clients} clients…");
        var clients = await BenchRun.SignInAsync(app.Address, options.Clients);
        try
        {
            var available = new List<ReportScenario>();
            foreach (var scenario in scenarios)
            {
                if (await clients[0].GetAsync(scenario.Path) == 404)
                {
                    Console.WriteLine($"  HTTP    {scenario.Name}: not available ({scenario.Path} answers 404)");
                }
                else
                {
                    available.Add(scenario);
                }
            }

            await BenchRun.WarmUpAppAsync(clients, available.Select(s => (Func<BenchClient, Random, Task<int>>)((c, _) => c.GetAsync(s.Path))).ToList(), options.AppWarmupSeconds);
            var results = new List<(Measurement?, string?)>();
            foreach (var scenario in scenarios)
            {
                if (!available.Contains(scenario))
                {
                    results.Add((null, "not available (404)"));
                    continue;
                }

                results.Add((await BenchRun.MeasureAsync("HTTP", scenario.Name, clients, (c, _) => c.GetAsync(scenario.Path), options.WarmupSeconds, options.DurationSeconds), null));
            }

            return results;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static IEnumerable<string> Notes(BenchOptions options, string[] args, ReportData data, ReportLoad? load, string loadBefore)
    {
        yield return $"{options.Provider}, {data.Projects:N0} projects with {data.StageChanges:N0} stage changes and {data.LedgerEntries:N0} ledger entries, " +
            $"histories over {data.Plan.StartYear}–{data.Plan.EndYear} (China time); " + (load is null
                ? "database of an earlier run reused" + (options.Derive ? ", derived tables rebuilt" : "")
                : $"loaded in {load.Total.TotalSeconds:F0} s: rows {load.Rows.TotalSeconds:F0} s, indexes {load.Indexes.TotalSeconds:F0} s, " +
                  $"sequences/statistics {load.Finish.TotalSeconds:F0} s, derived tables {string.Join(", ", load.Derived.Select(d => $"{d.Time.TotalSeconds:F0} s"))}");
        yield return $"dashboard filter: {data.FilterPeriod} and park {data.FilterParkId} with its parks; ledger: the whole-plan target with the longest period";
        yield return $"{options.Clients} concurrent clients (HTTP and floor), {options.DurationSeconds} s per scenario after {options.WarmupSeconds} s warm-up " +
            $"(HTTP: the app first {options.AppWarmupSeconds} s on all pages mixed); " +
            "naive SQL on one connection without warm-up; " + $"{Environment.ProcessorCount} cores shared by the app, the database and the load generator";
        yield return $"load average before the run: {loadBefore} (other work on the machine inflates every figure)";
        yield return $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; command: dotnet run -c Release --project src/InvestCRM.Bench -- {string.Join(' ', BenchRun.Redacted(args))}";
    }
}
