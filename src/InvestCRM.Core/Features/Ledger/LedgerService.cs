using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Ledger;

public sealed record LedgerCorrection(decimal InvestmentWan, decimal OutputValueWan, decimal TaxWan, decimal LandMu, string Reason);

/// <summary>
/// Writes the ledger: counts a project when it first reaches a counting stage, and lets an admin correct
/// or reverse a count. Summaries move in the same transaction, so they always equal the ledger.
/// </summary>
public sealed class LedgerService(CrmDbContext db, TimeProvider clock)
{
    /// <summary>Stages at which something counts: flagged as "introduced", or named by a target.</summary>
    public async Task<HashSet<int>> CountingStageIdsAsync(CancellationToken ct = default)
    {
        var flagged = await db.Stages.Where(s => s.CountsAsIntroduced).Select(s => s.Id).ToListAsync(ct);
        var named = await db.Targets.Where(t => t.CountingStageId != null).Select(t => t.CountingStageId!.Value).Distinct().ToListAsync(ct);
        return [.. flagged, .. named];
    }

    /// <summary>
    /// Counts <paramref name="project"/> at each newly reached counting stage. Call inside the transaction that
    /// saves the stage change; the entries and summaries are saved here.
    /// </summary>
    public async Task CountAsync(Project project, IEnumerable<int> newlyReached, DateTimeOffset at, CancellationToken ct = default)
    {
        var counting = await CountingStageIdsAsync(ct);
        var entries = newlyReached.Where(counting.Contains).Select(s => LedgerLine.Snapshot(project, s, at)).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        db.LedgerEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        await LedgerSummaryWriter.AddAsync(db, entries.SelectMany(e => LedgerLine.Lines(e, +1)), ct);
    }

    public async Task<Outcome> ReverseAsync(long entryId, string reason, CancellationToken ct = default)
    {
        if (!db.User.IsAdmin && !db.User.IsSystem)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome.Refused(new Problem("Rule.ReasonRequired.Reverse", "Reason"));
        }

        var entry = await db.LedgerEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null || entry.ReversedAt is not null)
        {
            return Outcome.Refused(new Problem(entry is null ? "Rule.NotFound" : "Rule.AlreadyReversed"));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        entry.ReversedAt = clock.GetUtcNow();
        entry.ReversedReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        await LedgerSummaryWriter.AddAsync(db, LedgerLine.Lines(entry, -1), ct);
        await tx.CommitAsync(ct);
        return Outcome.Done();
    }

    /// <summary>Corrects the counted amounts; the audit trail keeps the old and new values with the reason.</summary>
    public async Task<Outcome> CorrectAsync(long entryId, LedgerCorrection correction, CancellationToken ct = default)
    {
        if (!db.User.IsAdmin && !db.User.IsSystem)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = Check(correction).ToList();
        var entry = await db.LedgerEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            problems.Add(new Problem("Rule.NotFound"));
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = entry!.ReversedAt is null ? LedgerLine.Lines(entry, -1).ToList() : [];
        entry.InvestmentWan = correction.InvestmentWan;
        entry.OutputValueWan = correction.OutputValueWan;
        entry.TaxWan = correction.TaxWan;
        entry.LandMu = correction.LandMu;
        entry.CorrectionNote = correction.Reason.Trim();
        await db.SaveChangesAsync(ct);
        var after = entry.ReversedAt is null ? LedgerLine.Lines(entry, +1) : [];
        await LedgerSummaryWriter.AddAsync(db, before.Concat(after), ct);
        await tx.CommitAsync(ct);
        return Outcome.Done();
    }

    private static IEnumerable<Problem> Check(LedgerCorrection c)
    {
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            yield return new Problem("Rule.ReasonRequired.Correction", "Reason");
        }

        foreach (var (field, value) in new[] { ("InvestmentWan", c.InvestmentWan), ("OutputValueWan", c.OutputValueWan), ("TaxWan", c.TaxWan), ("LandMu", c.LandMu) })
        {
            if (value is < 0 or > 100_000_000m)
            {
                yield return new Problem("Validation.Range", field);
            }
        }
    }
}
