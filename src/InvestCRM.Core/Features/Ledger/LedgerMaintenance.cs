using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Ledger;

/// <summary>
/// Proves and restores the promise that summaries equal the ledger: a verifier used by tests and
/// admins, a rebuild for bulk loads, and a backfill for histories written outside ProjectService.
/// </summary>
public sealed class LedgerMaintenance(CrmDbContext db, LedgerService ledger)
{
    /// <summary>Summary rows that differ from what the ledger implies, then roll-ups that differ from the summaries (empty when consistent).</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken ct = default)
    {
        var expected = await ExpectedAsync(ct);
        var stored = await db.LedgerSummaries.AsNoTracking().ToListAsync(ct);
        var actual = stored.Where(s => s.Measures().Any(m => m != 0)).ToDictionary(Key);
        var problems = new List<string>();
        foreach (var (key, line) in expected)
        {
            if (!actual.Remove(key, out var found) || !found.Measures().SequenceEqual(line.Measures()))
            {
                problems.Add($"{key}: expected [{string.Join(",", line.Measures())}], stored [{string.Join(",", found?.Measures() ?? [])}]");
            }
        }

        problems.AddRange(actual.Keys.Select(k => $"{k}: stored but not in the ledger"));
        if (problems.Count == 0 && await LedgerRollup.Definition.DifferencesAsync(db, ct) is var rollups and > 0)
        {
            problems.Add($"{rollups} roll-up rows differ from the summaries");
        }

        return problems;
    }

    /// <summary>Replaces every summary and roll-up row with totals recomputed from the ledger, in one transaction.</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        var expected = await ExpectedAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LedgerSummaries.ExecuteDeleteAsync(ct);
        foreach (var batch in expected.Values.Chunk(1000))
        {
            db.LedgerSummaries.AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await LedgerRollup.Definition.RebuildAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Counts first reaches of counting stages that have no ledger entry yet (histories loaded in bulk or
    /// reached before a target named a new counting stage), with the project's current figures.
    /// </summary>
    public async Task<int> BackfillAsync(CancellationToken ct = default)
    {
        var counting = (await ledger.CountingStageIdsAsync(ct)).ToList();
        var missing = await db.StagesReached.AsNoTracking()
            .Where(r => counting.Contains(r.StageId) && !db.LedgerEntries.Any(e => e.ProjectId == r.ProjectId && e.StageId == r.StageId))
            .ToListAsync(ct);
        foreach (var batch in missing.Chunk(2000))
        {
            var ids = batch.Select(r => r.ProjectId).Distinct().ToList();
            var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            db.LedgerEntries.AddRange(batch.Select(r => LedgerLine.Snapshot(projects[r.ProjectId], r.StageId, r.FirstReachedAt)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        if (missing.Count > 0)
        {
            await RebuildAsync(ct);
        }

        return missing.Count;
    }

    private async Task<Dictionary<string, LedgerSummary>> ExpectedAsync(CancellationToken ct)
    {
        var totals = new Dictionary<string, LedgerSummary>();
        await foreach (var entry in db.LedgerEntries.AsNoTracking().Where(e => e.ReversedAt == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var line in LedgerLine.Lines(entry, +1))
            {
                var key = Key(line);
                totals[key] = totals.TryGetValue(key, out var sum) ? LedgerSummaryWriter.Add(sum, line) : line;
            }
        }

        return totals.Where(t => t.Value.Measures().Any(m => m != 0)).ToDictionary();
    }

    private static string Key(LedgerSummary s) =>
        $"{s.StageId}/{s.Month}/{s.ParkId}/{s.TeamId}/{s.IncubatorId}/{s.ChainId}/{s.ChainNodeId}/{s.Role}/{s.SplitScope}";
}
