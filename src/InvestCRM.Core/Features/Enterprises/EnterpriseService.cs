using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Enterprises;

/// <summary>
/// Creates, edits, merges and lists enterprises and their contacts; every page and API calls this.
/// Queries are in EnterpriseService.Queries.cs, contacts and merging in their own files.
/// </summary>
public sealed partial class EnterpriseService(CrmDbContext db, TargetProgress progress, TimeProvider clock)
{
    /// <summary>Internal users keep the enterprise register; partners only see projects of their incubator.</summary>
    private bool CanEdit => db.User.IsAdmin || db.User.IsManager || db.User.IsStaff;

    /// <summary>
    /// Refuses a credit code that already exists, always; refuses a near-identical name unless the user has
    /// looked at the candidates (<see cref="FindDuplicatesAsync"/>) and confirmed it is a different firm.
    /// </summary>
    public async Task<Outcome> CreateAsync(EnterpriseInput input, bool confirmedNotDuplicate, CancellationToken ct = default)
    {
        if (!CanEdit)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = await CheckAsync(input, null, ct);
        if (problems.Count == 0 && !confirmedNotDuplicate && await NameTakenAsync(input.Name, ct))
        {
            problems.Add(new Problem("Rule.PossibleDuplicate", nameof(input.Name)));
        }

        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var enterprise = new Enterprise { Name = "", NormalizedName = "", CreatedAt = clock.GetUtcNow() };
        input.ApplyTo(enterprise);
        enterprise.ChainNodes = input.ChainNodeIds.Distinct().Select(n => new EnterpriseChainNode { ChainNodeId = n }).ToList();
        db.Enterprises.Add(enterprise);
        return await SaveAsync(enterprise, ct);
    }

    /// <summary>Saves the edit only if nobody saved the enterprise since <paramref name="version"/> was read.</summary>
    public async Task<Outcome> UpdateAsync(int id, int version, EnterpriseInput input, CancellationToken ct = default)
    {
        var enterprise = await db.Enterprises.Include(e => e.ChainNodes).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enterprise is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        if (!CanEdit)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = await CheckAsync(input, id, ct);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        input.ApplyTo(enterprise);
        SyncChainNodes(enterprise, input.ChainNodeIds);
        // Marking the version modified makes every save carry the version check, even one that only changes chain nodes.
        db.Entry(enterprise).Property(e => e.Version).OriginalValue = version;
        db.Entry(enterprise).Property(e => e.Version).IsModified = true;
        return await SaveAsync(enterprise, ct);
    }

    /// <summary>Existing enterprises with the same credit code or the same normalised name, for the duplicate guard.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(string? name, string? code, int? exceptId = null, CancellationToken ct = default)
    {
        var normalizedName = string.IsNullOrWhiteSpace(name) ? null : EnterpriseName.Normalize(name);
        var normalizedCode = string.IsNullOrWhiteSpace(code) ? null : CreditCode.Normalize(code);
        if (string.IsNullOrEmpty(normalizedName) && normalizedCode is null)
        {
            return [];
        }

        return await db.Enterprises.AsNoTracking()
            .Where(e => e.Id != exceptId && ((normalizedName != null && normalizedName != "" && e.NormalizedName == normalizedName)
                || (normalizedCode != null && e.CreditCode == normalizedCode)))
            .OrderBy(e => e.Id)
            .Select(e => new DuplicateCandidate(e.Id, e.Name, e.CreditCode, normalizedCode != null && e.CreditCode == normalizedCode))
            .Take(20)
            .ToListAsync(ct);
    }

    /// <summary>Form rules plus those needing the database: the code is free, the chain nodes exist.</summary>
    private async Task<List<Problem>> CheckAsync(EnterpriseInput input, int? exceptId, CancellationToken ct)
    {
        var problems = input.Check().ToList();
        if (problems.Count == 0 && input.NormalizedCode is { } code
            && await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != exceptId, ct))
        {
            problems.Add(new Problem("Rule.CreditCodeTaken", nameof(input.CreditCode)));
        }

        var nodes = input.ChainNodeIds.Distinct().ToList();
        if (nodes.Count > 0 && await db.ChainNodes.CountAsync(n => nodes.Contains(n.Id), ct) != nodes.Count)
        {
            problems.Add(new Problem("Rule.UnknownChainNode", nameof(input.ChainNodeIds)));
        }

        return problems;
    }

    private async Task<bool> NameTakenAsync(string name, CancellationToken ct)
    {
        var normalized = EnterpriseName.Normalize(name);
        return await db.Enterprises.AnyAsync(e => e.NormalizedName == normalized, ct);
    }

    private void SyncChainNodes(Enterprise enterprise, IReadOnlyCollection<int> wanted)
    {
        foreach (var link in enterprise.ChainNodes.Where(l => !wanted.Contains(l.ChainNodeId)).ToList())
        {
            enterprise.ChainNodes.Remove(link);
            db.EnterpriseChainNodes.Remove(link);
        }

        var have = enterprise.ChainNodes.Select(l => l.ChainNodeId).ToHashSet();
        enterprise.ChainNodes.AddRange(wanted.Distinct().Where(n => !have.Contains(n))
            .Select(n => new EnterpriseChainNode { EnterpriseId = enterprise.Id, ChainNodeId = n }));
    }

    /// <summary>
    /// A concurrent save is reported as a conflict; a code taken between the check and the save (two users
    /// creating the same firm at once) is caught by the unique index and reported like the earlier check.
    /// </summary>
    private async Task<Outcome> SaveAsync(Enterprise enterprise, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done(enterprise.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused(new Problem("Rule.Concurrency"));
        }
        catch (DbUpdateException) when (enterprise.CreditCode is { } code)
        {
            db.ChangeTracker.Clear();
            if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.Id != enterprise.Id, ct))
            {
                return Outcome.Refused(new Problem("Rule.CreditCodeTaken", nameof(EnterpriseInput.CreditCode)));
            }

            throw;
        }
    }
}
