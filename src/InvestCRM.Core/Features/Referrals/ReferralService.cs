using InvestCRM.Data;
using InvestCRM.Features.Attachments;
using InvestCRM.Features.Common;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Referrals;

/// <summary>The result of a submission: a retried idempotent submission finds the first referral (Created = false).</summary>
public sealed record Submission(Outcome Outcome, bool Created);

/// <summary>
/// What a partner does with referrals, for the portal and the partner API alike: submit, follow, write updates,
/// attach files. Reads go through <see cref="PartnerReferrals"/>; every result is a partner-safe record.
/// </summary>
public sealed class ReferralService(CrmDbContext db, AttachmentStore files, Notifier notifier, TimeProvider clock)
{
    private int? Incubator => db.User.IsPartner ? db.User.IncubatorId : null;

    /// <summary>
    /// Creates a pending referral (with an optional business plan). The same idempotency key with the same fields returns the first
    /// one, even once the incubator is suspended or closed; with other fields it is refused (<see cref="KeyReusedCode"/>), so a
    /// client that reuses a key learns that nothing was created. A suspended or closed incubator refers nothing new.
    /// </summary>
    public async Task<Submission> SubmitAsync(ReferralInput input, string? idempotencyKey, UploadedFile? plan = null, CancellationToken ct = default)
    {
        if (Incubator is not { } incubator || db.User.UserId is not { } userId)
        {
            return new(Outcome.Refused(new Problem("Rule.NotAllowed")), false);
        }

        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (key is { Length: > 100 })
        {
            return new(Outcome.Refused(new Problem("Validation.TooLong", "IdempotencyKey")), false);
        }

        var problems = input.Check().ToList();
        if (key is not null && await FindByKeyAsync(incubator, key, ct) is { } existing)
        {
            // Fields that fail the checks cannot be the ones the first referral was created from.
            return new(Replay(existing, problems.Count == 0 ? input.ToReferral(incubator, userId, db.User.ApiKeyId, key, clock.GetUtcNow()) : null), false);
        }

        if (await ReferralsRefusedAsync(incubator, ct) is { } refused)
        {
            return new(Outcome.Refused(new Problem(refused)), false);
        }

        if (problems.Count > 0)
        {
            return new(Outcome.Refused(problems), false);
        }

        return await CreateAsync(input.ToReferral(incubator, userId, db.User.ApiKeyId, key, clock.GetUtcNow()), plan, ct);
    }

    public const string KeyReusedCode = "Rule.IdempotencyKeyReused";

    /// <summary>The first referral sent with a key, if the retry sent the same fields (as stored: trimmed, at the column's scale).</summary>
    private static Outcome Replay(Referral first, Referral? retry) =>
        retry is not null && first.EnterpriseName == retry.EnterpriseName && first.CreditCode == retry.CreditCode
            && first.Industry == retry.Industry && first.HqCity == retry.HqCity && first.ContactName == retry.ContactName
            && first.ContactPhone == retry.ContactPhone && first.ContactEmail == retry.ContactEmail && first.Seeks == retry.Seeks
            && first.Description == retry.Description && Scaled(first.PlannedInvestmentWan) == Scaled(retry.PlannedInvestmentWan)
            ? Outcome.Done(first.Id)
            : Outcome.Refused(new Problem(KeyReusedCode));

    private static decimal? Scaled(decimal? wan) => wan is { } value ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : null;

    private async Task<Submission> CreateAsync(Referral referral, UploadedFile? plan, CancellationToken ct)
    {
        Attachment? attachment = null;
        if (plan is not null)
        {
            (attachment, var problem) = await files.WriteAsync(plan, referral.IncubatorId, ct);
            if (problem is not null)
            {
                return new(Outcome.Refused(problem), false);
            }
        }

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Referrals.Add(referral);
            await db.SaveChangesAsync(ct);
            // The notices link to the referral, so they follow its insert, in the same transaction.
            await notifier.ReferralSubmittedAsync(referral, ct);
            if (attachment is not null)
            {
                attachment.ReferralId = referral.Id;
                db.Attachments.Add(attachment);
            }

            await db.SaveChangesAsync(ct);

            await tx.CommitAsync(ct);
            return new(Outcome.Done(referral.Id), true);
        }
        catch (DbUpdateException) when (referral.IdempotencyKey is not null)
        {
            // Two retries raced: the unique index let one through; answer with that one.
            Cleanup(attachment);
            var first = await FindByKeyAsync(referral.IncubatorId, referral.IdempotencyKey, ct);
            return first is not null ? new(Replay(first, referral), false) : throw new InvalidOperationException("Idempotent insert failed.");
        }
        catch
        {
            Cleanup(attachment);
            throw;
        }
    }

    /// <summary>A partner's or (for the partner's eyes) a staff member's update on a referral.</summary>
    public async Task<Outcome> AddUpdateAsync(int referralId, string? text, CancellationToken ct = default)
    {
        var user = db.User;
        if (!(user.IsPartner || user.IsStaff || user.IsLeadership) || user.UserId is null)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 4000)
        {
            return Outcome.Refused(new Problem(string.IsNullOrWhiteSpace(text) ? "Validation.Required" : "Validation.TooLong", "Text"));
        }

        var now = clock.GetUtcNow();
        db.ReferralUpdates.Add(new ReferralUpdate
        {
            ReferralId = referral.Id, IncubatorId = referral.IncubatorId, Text = text.Trim(), FromPartner = user.IsPartner,
            AuthorId = user.UserId, AuthorName = user.Name, At = now,
        });
        referral.UpdatedAt = now;
        await notifier.UpdatePostedAsync(referral, user.IsPartner, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(referral.Id);
    }

    /// <summary>Attaches a file to a referral the caller can see; partners' files are visible to their incubator.</summary>
    public async Task<(Outcome Outcome, long AttachmentId)> AttachAsync(int referralId, UploadedFile file, CancellationToken ct = default)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null || db.User.UserId is null || !(db.User.IsPartner || db.User.IsStaff || db.User.IsLeadership))
        {
            return (Outcome.Refused(new Problem(referral is null ? "Rule.NotFound" : "Rule.NotAllowed")), 0);
        }

        var (attachment, problem) = await files.WriteAsync(file, referral.IncubatorId, ct);
        if (problem is not null)
        {
            return (Outcome.Refused(problem), 0);
        }

        attachment!.ReferralId = referral.Id;
        attachment.ProjectId = referral.ProjectId;
        referral.UpdatedAt = clock.GetUtcNow();
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            Cleanup(attachment);
            throw;
        }

        return (Outcome.Done(referral.Id), attachment.Id);
    }

    /// <summary>Why the incubator may not refer new leads now (suspended or closed), or null when it may.</summary>
    private async Task<string?> ReferralsRefusedAsync(int incubatorId, CancellationToken ct = default)
    {
        var status = await db.Incubators.Where(i => i.Id == incubatorId).Select(i => (IncubatorStatus?)i.Status).FirstOrDefaultAsync(ct);
        return status is { } known ? IncubatorStatusRules.RefusesReferrals(known) : "Rule.UnknownIncubator";
    }

    private Task<Referral?> FindByKeyAsync(int incubator, string key, CancellationToken ct) =>
        db.Referrals.AsNoTracking().Where(r => r.IncubatorId == incubator && r.IdempotencyKey == key).FirstOrDefaultAsync(ct);

    private void Cleanup(Attachment? attachment)
    {
        db.ChangeTracker.Clear();
        if (attachment is not null)
        {
            files.Discard(attachment);
        }
    }
}
