using System.Diagnostics;
using InvestCRM.Bench;
using InvestCRM.Bench.Loading;
using InvestCRM.Bench.Measuring;
using InvestCRM.Features.Demo;

// Loads synthetic data into a fresh database, then measures the app's pages over HTTP and the raw SQL floor.
var options = BenchOptions.Parse(args);
Console.WriteLine($"InvestCRM bench: {options.Provider}, {options.Projects:N0} projects, {options.Enterprises:N0} enterprises, " +
    $"{options.Activities:N0} activities; {options.Clients} clients × {options.DurationSeconds} s; {Environment.ProcessorCount} cores");

var loadBefore = LoadAverage();
var db = options.Reuse is { } kept ? BenchDatabase.Existing(options.Provider, kept) : await BenchDatabase.CreateAsync(options);
try
{
    var loadTime = options.Reuse is null ? await LoadAsync(db, options) : TimeSpan.Zero;
    var data = await ScenarioData.LoadAsync(db);
    var scenarios = Scenarios.All(data);
    var http = await MeasureHttpAsync(db, options, scenarios);
    var raw = await MeasureRawAsync(db, options, scenarios);
    var notes = new[]
    {
        $"{options.Provider}, {options.Projects:N0} projects / {options.Enterprises:N0} enterprises / {options.Activities:N0} activities, " + (options.Reuse is null ? $"loaded in {loadTime.TotalSeconds:F0} s" : "database of an earlier run reused"),
        $"{options.Clients} concurrent clients, {options.DurationSeconds} s per scenario, {Environment.ProcessorCount} cores shared by the app, the database and the load generator",
        $"load average before the run: {loadBefore} (other work on the machine inflates every figure)",
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; command: dotnet run -c Release --project src/InvestCRM.Bench -- {string.Join(' ', Redacted(args))}",
    };
    var markdown = Report.Markdown($"{options.Provider}, {options.Projects:N0} projects", http.Zip(raw, (h, r) => (h, (Measurement?)r)).ToList(), notes);
    Console.WriteLine();
    Console.WriteLine(markdown);
    var file = options.Out ?? $"bench-{options.Provider.ToString().ToLowerInvariant()}-{options.Projects}.md";
    await File.WriteAllTextAsync(file, markdown);
    Console.WriteLine($"Written to {Path.GetFullPath(file)}");
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
    Console.WriteLine($"Schema migrated and plan seeded in {clock.Elapsed.TotalSeconds:F1} s; loading…");
    clock.Restart();
    LoadCounts counts;
    await using (var sink = db.OpenSink())
    {
        counts = await BulkLoader.LoadAsync(sink, catalog, new SyntheticSize(options.Enterprises, options.Projects, options.Activities), DateTimeOffset.UtcNow);
    }

    var loaded = clock.Elapsed;
    await db.FinishLoadAsync();
    Console.WriteLine($"Loaded {counts.Enterprises:N0} enterprises, {counts.Projects:N0} projects, {counts.StageChanges:N0} stage changes, " +
        $"{counts.Activities:N0} activities in {loaded.TotalSeconds:F1} s (+ {(clock.Elapsed - loaded).TotalSeconds:F1} s sequences/ANALYZE)");
    return clock.Elapsed;
}

static async Task<List<Measurement>> MeasureHttpAsync(BenchDatabase db, BenchOptions options, IReadOnlyList<Scenario> scenarios)
{
    await using var app = await WebAppProcess.StartAsync(db, options.WebDll ?? DefaultWebDll());
    Console.WriteLine($"App listening on {app.Address}; signing in {options.Clients} clients…");
    var clients = Enumerable.Range(0, options.Clients).Select(_ => new BenchClient(app.Address)).ToList();
    try
    {
        foreach (var client in clients)
        {
            await client.SignInAsync(Scenarios.Email, Scenarios.Password);
            if (!await client.LoadFormAsync(Scenarios.QuickLogPath, Scenarios.QuickLogRequired))
            {
                Console.WriteLine($"  no quick-log form at {Scenarios.QuickLogPath} (fields {string.Join(", ", Scenarios.QuickLogRequired)})");
            }
        }

        return await RunAllAsync("HTTP", scenarios.Select(s => (s.Name, s.Http)).ToList(), clients, options);
    }
    finally
    {
        clients.ForEach(c => c.Dispose());
    }
}

static async Task<List<Measurement>> MeasureRawAsync(BenchDatabase db, BenchOptions options, IReadOnlyList<Scenario> scenarios)
{
    var connections = new List<System.Data.Common.DbConnection>();
    for (var i = 0; i < options.Clients; i++)
    {
        connections.Add(await ScenarioData.OpenAsync(db.Provider, db.ConnectionString));
    }

    try
    {
        return await RunAllAsync("raw SQL", scenarios.Select(s => (s.Name, s.Raw)).ToList(), connections, options);
    }
    finally
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}

static async Task<List<Measurement>> RunAllAsync<TWorker>(string kind, List<(string Name, Func<TWorker, Random, Task<int>> Call)> scenarios, List<TWorker> workers, BenchOptions options)
{
    var results = new List<Measurement>();
    foreach (var (name, call) in scenarios)
    {
        if (options.WarmupSeconds > 0)
        {
            await LoadRunner.RunAsync(name, workers, TimeSpan.FromSeconds(options.WarmupSeconds), call);
        }

        var measured = await LoadRunner.RunAsync(name, workers, TimeSpan.FromSeconds(options.DurationSeconds), call);
        Console.WriteLine($"  {kind,-7} {name}: " + (measured.Trustworthy
            ? $"p50 {measured.Percentile(0.5):F1} ms, p95 {measured.Percentile(0.95):F1} ms, {measured.RequestsPerSecond:F0} req/s"
            : "NOT SERVED") + (measured.Failed > 0 ? $"; {measured.Failed:N0} failed ({string.Join(", ", measured.Failures.Keys.Take(3))})" : ""));
        results.Add(measured);
    }

    return results;
}

// A connection string may hold a password; the report is meant to be pasted into the README.
static IEnumerable<string> Redacted(string[] args) => args.Select((a, i) => i > 0 && args[i - 1] is "--connection" or "--reuse" ? "<database>" : a);

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

/// <summary>The app built next to this program: src/InvestCRM.Web/bin/{configuration}/net10.0/InvestCRM.Web.dll.</summary>
static string DefaultWebDll()
{
    var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
    var configuration = output.Parent!.Name;
    var path = Path.GetFullPath(Path.Combine(output.FullName, "..", "..", "..", "..", "InvestCRM.Web", "bin", configuration, output.Name, "InvestCRM.Web.dll"));
    return File.Exists(path) ? path : throw new FileNotFoundException("Build the web app first, or pass --web <path to InvestCRM.Web.dll>.", path);
}
