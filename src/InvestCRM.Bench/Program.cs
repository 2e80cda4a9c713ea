using System.Diagnostics;
using InvestCRM.Bench;
using InvestCRM.Bench.Loading;
using InvestCRM.Bench.Measuring;
using InvestCRM.Bench.Reports;
using InvestCRM.Features.Demo;

// Loads synthetic data into a fresh database, then measures the app's pages over HTTP and the raw SQL floor.
var options = BenchOptions.Parse(args);
if (options.Suite == BenchSuite.Reports)
{
    await ReportsSuite.RunAsync(options, args);
    return;
}

Console.WriteLine($"InvestCRM bench: {options.Provider}, {options.Projects:N0} projects, {options.Enterprises:N0} enterprises, " +
    $"{options.Activities:N0} activities; {options.Clients} clients × {options.DurationSeconds} s; {Environment.ProcessorCount} cores");

var loadBefore = BenchRun.LoadAverage();
var db = options.Reuse is { } kept ? BenchDatabase.Existing(options.Provider, kept) : await BenchDatabase.CreateAsync(options);
try
{
    var loadTime = options.Reuse is null ? await LoadAsync(db, options) : TimeSpan.Zero;
    var data = await ScenarioData.LoadAsync(db);
    var scenarios = Scenarios.All(data).Where(s => options.Selected(s.Name)).ToList();
    var http = await MeasureHttpAsync(db, options, scenarios);
    var raw = await MeasureRawAsync(db, options, scenarios);
    var notes = new[]
    {
        $"{options.Provider}, {options.Projects:N0} projects / {options.Enterprises:N0} enterprises / {options.Activities:N0} activities, " + (options.Reuse is null ? $"loaded in {loadTime.TotalSeconds:F0} s" : "database of an earlier run reused"),
        $"{options.Clients} concurrent clients, {options.DurationSeconds} s per scenario after {options.WarmupSeconds} s warm-up (the app first {options.AppWarmupSeconds} s on all scenarios mixed), " +
            $"{Environment.ProcessorCount} cores shared by the app, the database and the load generator",
        $"load average before the run: {loadBefore} (other work on the machine inflates every figure)",
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; command: dotnet run -c Release --project src/InvestCRM.Bench -- {string.Join(' ', BenchRun.Redacted(args))}",
    };
    var markdown = Report.Markdown($"{options.Provider}, {options.Projects:N0} projects", http.Zip(raw, (h, r) => (h, (Measurement?)r)).ToList(), notes);
    await BenchRun.WriteAsync(markdown, options.Out ?? $"bench-{options.Provider.ToString().ToLowerInvariant()}-{options.Projects}.md");
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

static async Task<TimeSpan> LoadAsync(BenchDatabase db, BenchOptions options)
{
    var clock = Stopwatch.StartNew();
    var catalog = await db.PrepareAsync();
    var ids = await db.FirstFreeIdsAsync();
    Console.WriteLine($"Schema migrated and plan seeded in {clock.Elapsed.TotalSeconds:F1} s; loading…");
    clock.Restart();
    var search = await DeferredSearchTables.DropAsync(db);
    LoadCounts counts;
    await using (var sink = db.OpenSink())
    {
        counts = await BulkLoader.LoadAsync(sink, catalog, ids, new SyntheticSize(options.Enterprises, options.Projects, options.Activities), DateTimeOffset.UtcNow);
    }

    Console.WriteLine($"Search tables filled in {(await search.RestoreAsync()).TotalSeconds:F1} s");

    var loaded = clock.Elapsed;
    await db.RebuildSummariesAsync();
    await db.FinishLoadAsync();
    Console.WriteLine($"Loaded {counts.Enterprises:N0} enterprises, {counts.Projects:N0} projects, {counts.StageChanges:N0} stage changes, " +
        $"{counts.Activities:N0} activities in {loaded.TotalSeconds:F1} s (+ {(clock.Elapsed - loaded).TotalSeconds:F1} s summaries, sequences, ANALYZE)");
    return clock.Elapsed;
}

static async Task<List<Measurement>> MeasureHttpAsync(BenchDatabase db, BenchOptions options, IReadOnlyList<Scenario> scenarios)
{
    await using var app = await WebAppProcess.StartAsync(db, options.WebDll ?? BenchRun.DefaultWebDll());
    Console.WriteLine($"App listening on {app.Address}; signing in {options.Clients} clients…");
    var clients = await BenchRun.SignInAsync(app.Address, options.Clients);
    try
    {
        foreach (var client in clients)
        {
            if (!await client.LoadFormAsync(Scenarios.QuickLogPath, Scenarios.QuickLogRequired))
            {
                Console.WriteLine($"  no quick-log form at {Scenarios.QuickLogPath} (fields {string.Join(", ", Scenarios.QuickLogRequired)})");
            }
        }

        await BenchRun.WarmUpAppAsync(clients, scenarios.Select(s => s.Http).ToList(), options.AppWarmupSeconds);
        return await RunAllAsync("HTTP", scenarios.Select(s => (s.Name, s.Http)).ToList(), clients, options);
    }
    finally
    {
        clients.ForEach(c => c.Dispose());
    }
}

static async Task<List<Measurement>> MeasureRawAsync(BenchDatabase db, BenchOptions options, IReadOnlyList<Scenario> scenarios)
{
    var connections = await BenchRun.OpenAsync(db, options.Clients);
    try
    {
        return await RunAllAsync("raw SQL", scenarios.Select(s => (s.Name, s.Raw)).ToList(), connections, options);
    }
    finally
    {
        await BenchRun.CloseAsync(connections);
    }
}

static async Task<List<Measurement>> RunAllAsync<TWorker>(string kind, List<(string Name, Func<TWorker, Random, Task<int>> Call)> scenarios, List<TWorker> workers, BenchOptions options)
{
    var results = new List<Measurement>();
    foreach (var (name, call) in scenarios)
    {
        results.Add(await BenchRun.MeasureAsync(kind, name, workers, call, options.WarmupSeconds, options.DurationSeconds));
    }

    return results;
}
