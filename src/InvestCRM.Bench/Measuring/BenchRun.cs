using System.Data.Common;
using Microsoft.Data.Sqlite;
using InvestCRM.Bench.Loading;

namespace InvestCRM.Bench.Measuring;

/// <summary>What every suite does the same way: signing in clients, opening connections, timing a scenario, describing the run.</summary>
internal static class BenchRun
{
    public static async Task<List<BenchClient>> SignInAsync(Uri address, int count)
    {
        var clients = Enumerable.Range(0, count).Select(_ => new BenchClient(address)).ToList();
        foreach (var client in clients)
        {
            await client.SignInAsync(Scenarios.Email, Scenarios.Password);
        }

        return clients;
    }

    public static async Task<List<DbConnection>> OpenAsync(BenchDatabase db, int count)
    {
        var connections = new List<DbConnection>();
        for (var i = 0; i < count; i++)
        {
            connections.Add(await ScenarioData.OpenAsync(db.Provider, db.ConnectionString));
        }

        return connections;
    }

    public static async Task CloseAsync(IEnumerable<DbConnection> connections)
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Every scenario's requests, mixed at random, for <paramref name="seconds"/>, unrecorded: the app just started,
    /// and a server in use runs code the runtime has already compiled again optimised (see BenchOptions.AppWarmupSeconds).
    /// </summary>
    public static async Task WarmUpAppAsync<TWorker>(IReadOnlyList<TWorker> workers, IReadOnlyList<Func<TWorker, Random, Task<int>>> calls, int seconds)
    {
        if (seconds <= 0 || calls.Count == 0)
        {
            return;
        }

        Console.WriteLine($"Warming the app up: {seconds} s of all {calls.Count} scenarios mixed…");
        var warm = await LoadRunner.RunAsync("app warm-up", workers, TimeSpan.FromSeconds(seconds), (worker, random) => calls[random.Next(calls.Count)](worker, random));
        Console.WriteLine($"  {warm.Succeeded:N0} requests, {warm.Failed:N0} failed");
    }

    /// <summary>Warm-up (not recorded), then the measured run; prints one line.</summary>
    public static async Task<Measurement> MeasureAsync<TWorker>(
        string kind, string name, IReadOnlyList<TWorker> workers, Func<TWorker, Random, Task<int>> call, int warmupSeconds, int durationSeconds)
    {
        call = Served(workers, call);
        if (warmupSeconds > 0)
        {
            await LoadRunner.RunAsync(name, workers, TimeSpan.FromSeconds(warmupSeconds), call);
        }

        var measured = await LoadRunner.RunAsync(name, workers, TimeSpan.FromSeconds(durationSeconds), call);
        Console.WriteLine($"  {kind,-7} {name}: " + (measured.Trustworthy
            ? $"p50 {measured.Percentile(0.5):F1} ms, p95 {measured.Percentile(0.95):F1} ms, {measured.RequestsPerSecond:F0} req/s"
            : "NOT SERVED") + (measured.Failed > 0 ? $"; {measured.Failed:N0} failed ({string.Join(", ", measured.Failures.Keys.Take(3))})" : ""));
        return measured;
    }

    /// <summary>
    /// SQLite runs in the caller's thread and its async methods complete synchronously, so ten SQLite workers on two
    /// cores are ten busy threads whose waits for a core fall mostly between their calls, not inside them: they measured
    /// the whole-plan funnel's statements at 2.1 ms p50 while making 943 calls a second, a rate at which ten clients wait
    /// 10.6 ms a call on average (Little's law). As a server would, a call first takes one of as many slots as there are
    /// cores, and its wait for one counts. PostgreSQL's workers wait on sockets, and its server shares the cores.
    /// </summary>
    private static Func<TWorker, Random, Task<int>> Served<TWorker>(IReadOnlyList<TWorker> workers, Func<TWorker, Random, Task<int>> call)
    {
        if (workers is not [SqliteConnection, ..])
        {
            return call;
        }

        var slots = new SemaphoreSlim(Environment.ProcessorCount);
        return async (worker, random) =>
        {
            await slots.WaitAsync();
            try
            {
                return await call(worker, random);
            }
            finally
            {
                slots.Release();
            }
        };
    }

    /// <summary>A connection string may hold a password; the report is meant to be pasted into the README.</summary>
    public static IEnumerable<string> Redacted(string[] args) =>
        args.Select((a, i) => i > 0 && args[i - 1] is "--connection" or "--reuse" ? "<database>" : a);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The app built next to this program: src/InvestCRM.Web/bin/{configuration}/net10.0/InvestCRM.Web.dll.</summary>
    public static string DefaultWebDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var path = Path.GetFullPath(Path.Combine(output.FullName, "..", "..", "..", "..", "InvestCRM.Web", "bin", configuration, output.Name, "InvestCRM.Web.dll"));
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the web app first, or pass --web <path to InvestCRM.Web.dll>.", path);
    }

    public static async Task WriteAsync(string markdown, string file)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine($"Written to {Path.GetFullPath(file)}");
    }
}
