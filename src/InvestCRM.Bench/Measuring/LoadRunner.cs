using System.Diagnostics;

namespace InvestCRM.Bench.Measuring;

/// <summary>Latencies of one scenario: every request of every client, and what did not succeed.</summary>
internal sealed record Measurement(string Name, double[] LatenciesMs, IReadOnlyDictionary<string, int> Failures, TimeSpan Elapsed)
{
    public int Succeeded => LatenciesMs.Length;
    public int Failed => Failures.Values.Sum();
    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile of the successful requests.</summary>
    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];

    /// <summary>Timings only mean something when (almost) every request was served.</summary>
    public bool Trustworthy => Succeeded > 0 && Failed <= Succeeded / 100;
}

/// <summary>Runs one scenario with N concurrent workers, each with its own client or connection, for a fixed time.</summary>
internal static class LoadRunner
{
    public static async Task<Measurement> RunAsync<TWorker>(string name, IReadOnlyList<TWorker> workers, TimeSpan duration, Func<TWorker, Random, Task<int>> call)
    {
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(workers.Select((worker, i) => Task.Run(() => WorkAsync(worker, new Random(1000 + i), clock, duration, call))));
        var elapsed = clock.Elapsed;
        var failures = results.SelectMany(r => r.Failures).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        return new Measurement(name, latencies, failures, elapsed);
    }

    private static async Task<(List<double> Latencies, List<string> Failures)> WorkAsync<TWorker>(
        TWorker worker, Random random, Stopwatch clock, TimeSpan duration, Func<TWorker, Random, Task<int>> call)
    {
        var latencies = new List<double>();
        var failures = new List<string>();
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            string? failure;
            try
            {
                var status = await call(worker, random);
                failure = status is >= 200 and < 400 ? null : $"HTTP {status}";
            }
            catch (Exception e)
            {
                failure = e.GetType().Name + ": " + e.Message.Split('\n')[0];
            }

            if (failure is null)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                failures.Add(failure);
            }
        }

        return (latencies, failures);
    }
}
