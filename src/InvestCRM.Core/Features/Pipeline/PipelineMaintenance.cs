using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Pipeline;

/// <summary>
/// Proves and restores the promise that <see cref="PipelineSummary"/> equals the projects: a verifier for tests and
/// admins, and a set-based rebuild for rows written outside EF (the benchmark's bulk loader).
/// </summary>
public sealed class PipelineMaintenance(CrmDbContext db)
{
    // One statement on both databases: decimals are exact on PostgreSQL, and on SQLite (stored as text with at most
    // two decimals) the product by 10,000 rounds back to the exact integer. IgnoreQueryFilters is implied: raw SQL.
    private const string RebuildSql = """
        INSERT INTO "PipelineSummaries" ("StageId", "Status", "ParkId", "TeamId", "IncubatorId", "ChainId", "Projects", "InvestmentWan")
        SELECT "StageId", "Status", COALESCE("ParkId", 0), COALESCE("TeamId", 0), COALESCE("IncubatorId", 0), COALESCE("ChainId", 0),
               COUNT(*) * 10000, SUM(CAST(ROUND(COALESCE("PlannedInvestmentWan", 0) * 10000) AS BIGINT))
        FROM "Projects"
        GROUP BY "StageId", "Status", COALESCE("ParkId", 0), COALESCE("TeamId", 0), COALESCE("IncubatorId", 0), COALESCE("ChainId", 0)
        """;

    /// <summary>Summary rows that differ from what the projects imply (empty when consistent).</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken ct = default)
    {
        var expected = new Dictionary<string, PipelineSummary>();
        var projects = db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Select(p => new { p.StageId, p.Status, p.ParkId, p.TeamId, p.IncubatorId, p.ChainId, p.PlannedInvestmentWan });
        await foreach (var p in projects.AsAsyncEnumerable().WithCancellation(ct))
        {
            var line = PipelineSummary.Of(p.StageId, p.Status, p.ParkId, p.TeamId, p.IncubatorId, p.ChainId, p.PlannedInvestmentWan, +1);
            var key = Key(line);
            expected[key] = expected.TryGetValue(key, out var sum)
                ? new PipelineSummary { StageId = sum.StageId, Status = sum.Status, ParkId = sum.ParkId, TeamId = sum.TeamId, IncubatorId = sum.IncubatorId,
                    ChainId = sum.ChainId, Projects = sum.Projects + line.Projects, InvestmentWan = sum.InvestmentWan + line.InvestmentWan }
                : line;
        }

        var stored = (await StoredAsync(ct)).ToDictionary(Key);
        var problems = new List<string>();
        foreach (var (key, line) in expected)
        {
            if (!stored.Remove(key, out var found) || found.Projects != line.Projects || found.InvestmentWan != line.InvestmentWan)
            {
                problems.Add($"{key}: expected {line.Projects}/{line.InvestmentWan}, stored {found?.Projects}/{found?.InvestmentWan}");
            }
        }

        problems.AddRange(stored.Keys.Select(k => $"{k}: stored but no such projects"));
        return problems;
    }

    /// <summary>The stored rows that carry anything (a row emptied by moves stays, at zero), in grain order.</summary>
    public async Task<IReadOnlyList<PipelineSummary>> StoredAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<PipelineSummary>().AsNoTracking().Where(s => s.Projects != 0 || s.InvestmentWan != 0).ToListAsync(ct);
        return rows.OrderBy(Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces every summary row with totals recomputed from the projects in one statement, in one transaction.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30)); // it reads every project: a minute or more at a million
        try
        {
            await db.Set<PipelineSummary>().ExecuteDeleteAsync(ct);
            await db.Database.ExecuteSqlRawAsync(RebuildSql, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        await tx.CommitAsync(ct);
    }

    private static string Key(PipelineSummary s) => $"{s.StageId}/{s.Status}/{s.ParkId}/{s.TeamId}/{s.IncubatorId}/{s.ChainId}";
}
