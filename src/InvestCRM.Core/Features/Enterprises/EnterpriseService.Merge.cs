using System.Text.Json;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Enterprises;

public sealed partial class EnterpriseService
{
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Folds a duplicate into the enterprise that stays: its projects, contacts, activities and chain nodes move
    /// over, empty facts are filled from it, then it is deleted. All or nothing, audited on the kept enterprise.
    /// </summary>
    public async Task<Outcome> MergeAsync(int keepId, int mergeId, string? reason, CancellationToken ct = default)
    {
        if (!db.User.IsAdmin)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = CheckMerge(keepId, mergeId, reason);
        var both = await db.Enterprises.Include(e => e.ChainNodes).Where(e => e.Id == keepId || e.Id == mergeId).ToListAsync(ct);
        if (problems.Count == 0 && both.Count != 2)
        {
            problems.Add(new Problem("Rule.NotFound"));
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var keep = both.Single(e => e.Id == keepId);
        var merged = both.Single(e => e.Id == mergeId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = await MoveDependentsAsync(keep, merged, ct);
        // The code is unique: it leaves the merged row (saved) before the kept row takes it.
        var code = keep.CreditCode is null ? merged.CreditCode : null;
        if (code is not null)
        {
            merged.CreditCode = null;
        }

        await db.SaveChangesAsync(ct);
        keep.CreditCode ??= code;
        FillEmptyFacts(keep, merged);
        db.Enterprises.Remove(merged);
        db.AuditEntries.Add(MergeEntry(keep, merged, reason!.Trim(), moved));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Done(keep.Id);
    }

    private static List<Problem> CheckMerge(int keepId, int mergeId, string? reason)
    {
        var problems = new List<Problem>();
        if (keepId == mergeId)
        {
            problems.Add(new Problem("Rule.MergeSame", "MergeId"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new Problem("Validation.Required", "Reason"));
        }
        else if (reason.Trim().Length > 500)
        {
            problems.Add(new Problem("Validation.TooLong", "Reason"));
        }

        return problems;
    }

    /// <summary>Tracked moves, so every project, contact, activity and referral gets its own audit entry.</summary>
    private async Task<MergeCounts> MoveDependentsAsync(Enterprise keep, Enterprise merged, CancellationToken ct)
    {
        // Partners never merge, but the filter must not hide a project from the move.
        var projects = await db.Projects.IgnoreQueryFilters().Where(p => p.EnterpriseId == merged.Id).ToListAsync(ct);
        projects.ForEach(p => p.EnterpriseId = keep.Id);
        var contacts = await db.Contacts.Where(c => c.EnterpriseId == merged.Id).ToListAsync(ct);
        contacts.ForEach(c => c.EnterpriseId = keep.Id);
        var activities = await db.Activities.Where(a => a.EnterpriseId == merged.Id).ToListAsync(ct);
        activities.ForEach(a => a.EnterpriseId = keep.Id);
        // A referral accepted or marked duplicate at triage names its firm; the partner's view follows it to the kept one.
        var referrals = await db.Referrals.IgnoreQueryFilters().Where(r => r.EnterpriseId == merged.Id).ToListAsync(ct);
        referrals.ForEach(r => r.EnterpriseId = keep.Id);

        var have = keep.ChainNodes.Select(l => l.ChainNodeId).ToHashSet();
        var newNodes = merged.ChainNodes.Where(l => !have.Contains(l.ChainNodeId))
            .Select(l => new EnterpriseChainNode { EnterpriseId = keep.Id, ChainNodeId = l.ChainNodeId }).ToList();
        keep.ChainNodes.AddRange(newNodes);
        return new MergeCounts(projects.Count, contacts.Count, activities.Count, referrals.Count, newNodes.Count);
    }

    private static void FillEmptyFacts(Enterprise keep, Enterprise merged)
    {
        keep.Industry ??= merged.Industry;
        keep.HqProvince ??= merged.HqProvince;
        keep.HqCity ??= merged.HqCity;
        keep.Size ??= merged.Size;
        keep.Website ??= merged.Website;
        keep.Description ??= merged.Description;
        keep.IsLocal |= merged.IsLocal;
        keep.Tags = EnterpriseInput.NormalizeTags(string.Join(",", keep.Tags, merged.Tags));
    }

    private AuditEntry MergeEntry(Enterprise keep, Enterprise merged, string reason, MergeCounts moved)
    {
        var note = $"merged #{merged.Id} {merged.Name}: {reason}";
        return new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = db.User.UserId,
            UserName = db.User.Name,
            EntityType = nameof(Enterprise),
            EntityId = keep.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditAction.Merged,
            Changes = JsonSerializer.Serialize(moved.AsChanges(), AuditJson),
            Note = note.Length > 1000 ? note[..1000] : note,
        };
    }

    private sealed record MergeCounts(int Projects, int Contacts, int Activities, int Referrals, int ChainNodes)
    {
        public IEnumerable<AuditFieldChange> AsChanges() =>
        [
            new("MovedProjects", null, Projects.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("MovedContacts", null, Contacts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("MovedActivities", null, Activities.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("MovedReferrals", null, Referrals.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("AddedChainNodes", null, ChainNodes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }
}
