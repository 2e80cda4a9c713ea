using InvestCRM.Data;

namespace InvestCRM.Bench;

/// <summary>Which pages are measured: the pipeline pages (list, search, board, ...) or the reports (dashboard, funnel, ledger).</summary>
internal enum BenchSuite
{
    Pipeline,
    Reports,
}

/// <summary>Command line: <c>[--suite pipeline|reports] --provider sqlite|postgres --projects N --enterprises N --activities N --connection S --duration S --warmup S --app-warmup S --clients N [--keep | --reuse S [--derive]] [--only text]</c>.</summary>
internal sealed record BenchOptions
{
    public BenchSuite Suite { get; init; } = BenchSuite.Pipeline;
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public int Projects { get; init; } = 100_000;
    public int Enterprises { get; init; } = 50_000;
    public int Activities { get; init; } = 1_000_000;
    public string? Connection { get; init; }
    public int DurationSeconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 5;

    /// <summary>
    /// Seconds of requests to every scenario, mixed, right after the app starts and before the first scenario: the
    /// runtime compiles hot methods again, optimised, in the background for about a minute of load (tiered
    /// compilation). Measured cold, the first scenario measured the compiler: the list answered 155 req/s, warm 298.
    /// </summary>
    public int AppWarmupSeconds { get; init; } = 60;
    public int Clients { get; init; } = 10;
    public string? WebDll { get; init; }
    public string? Out { get; init; }
    public bool Keep { get; init; }

    /// <summary>A database kept by an earlier run (<c>--keep</c>): measured again without reloading (for before/after runs).</summary>
    public string? Reuse { get; init; }

    /// <summary>With <c>--reuse</c>: build the derived tables (ledger, summaries) again before measuring, e.g. after a summary was added.</summary>
    public bool Derive { get; init; }

    /// <summary>Measure only the scenarios whose name contains this text (e.g. <c>--only search</c>); all when empty.</summary>
    public string? Only { get; init; }

    public bool Selected(string scenario) => Only is null || scenario.Contains(Only, StringComparison.OrdinalIgnoreCase);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var key = args[i].TrimStart('-');
            values[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v.Replace("_", "").Replace(",", "")) : fallback;
        var provider = values.GetValueOrDefault("provider", "sqlite").ToLowerInvariant() switch
        {
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            "sqlite" => DatabaseProvider.Sqlite,
            var other => throw new ArgumentException($"Unknown provider '{other}': use sqlite or postgres."),
        };
        var suite = values.GetValueOrDefault("suite", "pipeline").ToLowerInvariant() switch
        {
            "pipeline" => BenchSuite.Pipeline,
            "reports" => BenchSuite.Reports,
            var other => throw new ArgumentException($"Unknown suite '{other}': use pipeline or reports."),
        };
        // The reports suite needs many projects with long histories, not activities.
        var reports = suite == BenchSuite.Reports;
        var projects = Int("projects", reports ? 1_000_000 : 100_000);
        return new BenchOptions
        {
            Suite = suite, Provider = provider, Projects = projects,
            Enterprises = Int("enterprises", reports ? Math.Max(1, projects / 5) : 50_000), Activities = Int("activities", reports ? 0 : 1_000_000),
            Connection = values.GetValueOrDefault("connection")
                ?? Environment.GetEnvironmentVariable("INVESTCRM_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("INVESTCRM_TEST_POSTGRES"),
            DurationSeconds = Int("duration", 20), WarmupSeconds = Int("warmup", 5), AppWarmupSeconds = Int("app-warmup", 60), Clients = Int("clients", 10),
            WebDll = values.GetValueOrDefault("web"), Out = values.GetValueOrDefault("out"), Keep = values.ContainsKey("keep"),
            Reuse = values.GetValueOrDefault("reuse"), Derive = values.ContainsKey("derive"),
            Only = values.GetValueOrDefault("only"),
        };
    }
}
