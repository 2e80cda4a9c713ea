using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Funnel;

/// <summary>
/// Proves and restores the promise that the funnel's summaries equal the detail rows: a verifier for tests and
/// admins, and a set-based rebuild for bulk loads (the demo's synthetic projects, the benchmark).
/// </summary>
public sealed class FunnelMaintenance(CrmDbContext db)
{
    /// <summary>Summary grains that differ from what the detail rows imply, then roll-ups that differ from the summaries (empty when consistent).</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken ct = default)
    {
        var expected = await ExpectedAsync(ct);
        var stored = await db.FunnelSummaries.AsNoTracking().Where(s => s.Projects != 0 || s.PlannedInvestmentWan != 0).ToListAsync(ct);
        var actual = stored.ToDictionary(s => s.Grain);
        var problems = new List<string>();
        foreach (var (grain, line) in expected.Where(e => e.Value.Projects != 0 || e.Value.PlannedInvestmentWan != 0))
        {
            if (!actual.Remove(grain, out var found) || found.Projects != line.Projects || found.PlannedInvestmentWan != line.PlannedInvestmentWan)
            {
                problems.Add($"{grain}: expected {line.Projects}/{line.PlannedInvestmentWan}, stored {found?.Projects}/{found?.PlannedInvestmentWan}");
            }
        }

        problems.AddRange(actual.Keys.Select(k => $"{k}: stored but not in the detail rows"));
        if (problems.Count == 0 && await FunnelRollup.Definition.DifferencesAsync(db, ct) is var rollups and > 0)
        {
            problems.Add($"{rollups} roll-up rows differ from the summaries");
        }

        return problems;
    }

    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Replaces every summary and roll-up row with totals recomputed by the database, in one transaction.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(RebuildTimeout); // it reads every stage change: minutes at a million projects
        try
        {
            await db.FunnelSummaries.ExecuteDeleteAsync(ct);
            await db.Database.ExecuteSqlRawAsync(FunnelRebuildSql.For(db.Database.IsSqlite()), ct);
            await FunnelRollup.Definition.RebuildAsync(db, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>The summaries as FunnelLines computes them, project by project, in batches.</summary>
    private async Task<Dictionary<(FunnelKind, int, int, int, int, int, int, int, int), FunnelSummary>> ExpectedAsync(CancellationToken ct)
    {
        var totals = new Dictionary<(FunnelKind, int, int, int, int, int, int, int, int), FunnelSummary>();
        var ids = await db.Projects.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        foreach (var batch in ids.Chunk(2000))
        {
            var (first, last) = (batch[0], batch[^1]);
            var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id >= first && p.Id <= last).ToListAsync(ct);
            var reached = (await db.StagesReached.IgnoreQueryFilters().AsNoTracking().Where(r => r.ProjectId >= first && r.ProjectId <= last).ToListAsync(ct))
                .ToLookup(r => r.ProjectId);
            var changes = (await db.StageChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.ProjectId >= first && c.ProjectId <= last).ToListAsync(ct))
                .ToLookup(c => c.ProjectId);
            foreach (var p in projects)
            {
                FunnelLines.Sum(FunnelLines.For(FunnelProject.Of(p), reached[p.Id], changes[p.Id]).Select(l => l.Row), 1, totals);
            }
        }

        return totals;
    }
}
