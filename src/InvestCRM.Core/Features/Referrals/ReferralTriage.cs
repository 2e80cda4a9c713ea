using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Referrals;

/// <summary>
/// Staff triage of referrals: accept (enterprise + project), return with a reason, or mark a duplicate.
/// Each decision is one transaction, and the incubator's partners are notified in it.
/// </summary>
public sealed partial class ReferralTriage(CrmDbContext db, ProjectService projects, EnterpriseService enterprises, Notifier notifier, TimeProvider clock)
{
    private bool IsInternal => db.User.IsSystem || db.User.IsStaff || db.User.IsLeadership;

    public async Task<Outcome> AcceptAsync(int id, AcceptInput input, CancellationToken ct = default)
    {
        var (referral, refused) = await PendingAsync(id, ct);
        if (referral is null)
        {
            return refused!;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enterprise = await EnterpriseForAsync(referral, input, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise;
        }

        var created = await projects.CreateAsync(new ProjectInput
        {
            EnterpriseId = enterprise.Id, Title = referral.EnterpriseName, Source = ProjectSource.OffshoreIncubator,
            IncubatorId = referral.IncubatorId, OwnerId = input.OwnerId, TeamId = input.TeamId,
            PlannedInvestmentWan = referral.PlannedInvestmentWan,
        }, ct);
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return created;
        }

        referral.ProjectId = created.Id;
        referral.EnterpriseId = enterprise.Id;
        return await DecideAsync(referral, ReferralStatus.Accepted, tx, ct);
    }

    public async Task<Outcome> ReturnAsync(int id, string? reason, CancellationToken ct = default)
    {
        var (referral, refused) = await PendingAsync(id, ct);
        if (referral is null)
        {
            return refused!;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            return Outcome.Refused(new Problem(string.IsNullOrWhiteSpace(reason) ? "Validation.Required" : "Validation.TooLong", "Reason"));
        }

        referral.ReturnReason = reason.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        return await DecideAsync(referral, ReferralStatus.Returned, tx, ct);
    }

    /// <summary>
    /// The park already follows this firm: the referral records the enterprise it duplicates, so one must be named.
    /// The partner learns only that the park follows it, not by whom or how far.
    /// </summary>
    public async Task<Outcome> MarkDuplicateAsync(int id, int? enterpriseId, CancellationToken ct = default)
    {
        var (referral, refused) = await PendingAsync(id, ct);
        if (referral is null)
        {
            return refused!;
        }

        if (enterpriseId is not { } existing)
        {
            return Outcome.Refused(new Problem("Rule.DuplicateNeedsEnterprise", nameof(Referral.EnterpriseId)));
        }

        if (!await db.Enterprises.AnyAsync(e => e.Id == existing, ct))
        {
            return Outcome.Refused(new Problem("Rule.NotFound", nameof(AcceptInput.LinkEnterpriseId)));
        }

        referral.EnterpriseId = enterpriseId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        return await DecideAsync(referral, ReferralStatus.Duplicate, tx, ct);
    }

    private async Task<Outcome> DecideAsync(Referral referral, ReferralStatus status, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        referral.Status = status;
        referral.DecidedById = db.User.UserId;
        referral.DecidedAt = now;
        referral.UpdatedAt = now;
        await notifier.ReferralDecidedAsync(referral, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Done(referral.Id);
    }

    private async Task<(Referral? Referral, Outcome? Refused)> PendingAsync(int id, CancellationToken ct)
    {
        if (!IsInternal)
        {
            return (null, Outcome.Refused(new Problem("Rule.NotAllowed")));
        }

        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == id, ct);
        return referral switch
        {
            null => (null, Outcome.Refused(new Problem("Rule.NotFound"))),
            { Status: not ReferralStatus.Pending } => (null, Outcome.Refused(new Problem("Rule.ReferralDecided"))),
            _ => (referral, null),
        };
    }

    /// <summary>The enterprise to attach the project to: the chosen match, or a new one if staff confirmed none fits.</summary>
    private async Task<Outcome> EnterpriseForAsync(Referral referral, AcceptInput input, CancellationToken ct)
    {
        if (input.LinkEnterpriseId is { } link)
        {
            return await db.Enterprises.AnyAsync(e => e.Id == link, ct)
                ? Outcome.Done(link)
                : Outcome.Refused(new Problem("Rule.NotFound", nameof(input.LinkEnterpriseId)));
        }

        var matches = await MatchesAsync(referral.EnterpriseName, referral.CreditCode, ct);
        if (matches.Any(m => m.SameCreditCode))
        {
            return Outcome.Refused(new Problem("Rule.CreditCodeTaken", nameof(input.LinkEnterpriseId)));
        }

        if (matches.Count > 0 && !input.CreateNew)
        {
            return Outcome.Refused(new Problem("Rule.PossibleDuplicate", nameof(input.LinkEnterpriseId)));
        }

        var enterprise = new Enterprise
        {
            Name = referral.EnterpriseName, NormalizedName = EnterpriseName.Normalize(referral.EnterpriseName), CreditCode = referral.CreditCode,
            Industry = referral.Industry, HqCity = referral.HqCity, Description = referral.Description, CreatedAt = clock.GetUtcNow(),
        };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(enterprise.Id);
    }

    /// <summary>The enterprise register's own duplicate guard: the same credit code, or the same normalised name.</summary>
    private async Task<IReadOnlyList<EnterpriseMatch>> MatchesAsync(string name, string? code, CancellationToken ct) =>
        (await enterprises.FindDuplicatesAsync(name, code, ct: ct)).Select(d => new EnterpriseMatch(d.Id, d.Name, d.CreditCode, d.SameCode)).ToList();
}
