using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Stages;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Referrals;

/// <summary>
/// The partner's reads of their incubator's referrals. Each query projects to the records in PartnerViews.cs
/// and never touches Enterprise; the DbContext already narrows Referral, Project and StageChange to the incubator.
/// </summary>
public sealed class PartnerReferrals(CrmDbContext db, ReferenceCache cache)
{
    private bool IsPartner => db.User.IsPartner && db.User.IncubatorId is not null;

    /// <summary>Newest first. An incubator has hundreds of referrals, not millions: filtering by time happens in memory
    /// because SQLite cannot compare DateTimeOffset values in SQL. A page out of range or a stage that is no stage's code is refused, on the
    /// query parameter's name.</summary>
    public async Task<(Outcome Outcome, Paged<PartnerReferral> Page)> ListAsync(ReferralQuery query, CancellationToken ct = default)
    {
        var (page, size) = (query.Page, query.PageSize);
        var empty = new Paged<PartnerReferral>([], page, size, 0);
        if (query.Check().ToList() is { Count: > 0 } problems)
        {
            return (Outcome.Refused(problems), empty);
        }

        int? stageId = null;
        if (!string.IsNullOrEmpty(query.Stage))
        {
            stageId = (await StageCodesAsync(ct)).FirstOrDefault(s => string.Equals(s.Code, query.Stage, StringComparison.OrdinalIgnoreCase))?.Id;
            if (stageId is null)
            {
                return (Outcome.Refused(new Problem("Api.Problem.UnknownStage", "stage")), empty);
            }
        }

        if (!IsPartner)
        {
            return (Outcome.Done(), empty);
        }

        var rows = await RowsAsync(stageId, ct);
        var matching = rows.Where(r => query.ChangedSince is not { } since || r.ChangedAt >= since).ToList();
        // In long: (page - 1) * size overflows int for a page far past the last, which would then list the first.
        var skip = (long)(page - 1) * size;
        var items = skip >= matching.Count ? [] : matching.Skip((int)skip).Take(size).ToList();
        return (Outcome.Done(), new(items, page, size, matching.Count));
    }

    /// <summary>What the list's stage filter accepts: the pipeline's stage codes (lead, signed…), in pipeline order.</summary>
    public async Task<IReadOnlyList<PipelineStage>> StageCodesAsync(CancellationToken ct = default) => await cache.StagesAsync(db, ct);

    public async Task<PartnerReferralDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        if (!IsPartner)
        {
            return null;
        }

        var referral = await WithStage(db.Referrals.AsNoTracking()).Where(x => x.Referral.Id == id).Select(x => new
        {
            x.Referral.Id, x.Referral.EnterpriseName, x.Referral.CreditCode, x.Referral.Industry, x.Referral.HqCity, x.Referral.ContactName,
            x.Referral.ContactPhone, x.Referral.ContactEmail, x.Referral.Seeks, x.Referral.Description, x.Referral.PlannedInvestmentWan,
            x.Referral.Status, x.Referral.ReturnReason, x.Referral.SubmittedAt, x.Referral.UpdatedAt, x.Stage,
        }).FirstOrDefaultAsync(ct);
        if (referral is null)
        {
            return null;
        }

        var updates = await db.ReferralUpdates.AsNoTracking().Where(u => u.ReferralId == id).OrderBy(u => u.Id)
            .Select(u => new PartnerUpdate(u.Id, u.Text, u.FromPartner, u.FromPartner ? u.AuthorName : null, u.At)).ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ReferralId == id).OrderBy(a => a.Id)
            .Select(a => new PartnerAttachment(a.Id, a.FileName, a.Size, a.UploadedAt)).ToListAsync(ct);
        var changed = Later(referral.UpdatedAt, referral.Stage?.StageEnteredAt);
        return new PartnerReferralDetail(
            referral.Id, referral.EnterpriseName, referral.CreditCode, referral.Industry, referral.HqCity, referral.ContactName,
            referral.ContactPhone, referral.ContactEmail, referral.Seeks, referral.Description, referral.PlannedInvestmentWan,
            referral.Status, referral.Status == ReferralStatus.Returned ? referral.ReturnReason : null,
            referral.Stage?.NameZh, referral.Stage?.NameEn, referral.Stage?.StageEnteredAt, referral.SubmittedAt, changed, updates, attachments);
    }

    /// <summary>The stages the referral's project entered, oldest first; null when the referral is not the caller's.</summary>
    public async Task<IReadOnlyList<PartnerStage>?> StagesAsync(int id, CancellationToken ct = default)
    {
        var referral = IsPartner
            ? await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.ProjectId, r.Status }).FirstOrDefaultAsync(ct)
            : null;
        if (referral is null)
        {
            return null;
        }

        if (referral.Status != ReferralStatus.Accepted || referral.ProjectId is not { } projectId)
        {
            return [];
        }

        // Stage moves only: status changes (on hold, dropped) and their reasons are the park's own business.
        var moves = await db.StageChanges.AsNoTracking()
            .Where(c => c.ProjectId == projectId && (c.FromStageId == null || c.FromStageId != c.ToStageId))
            .OrderBy(c => c.Id).Select(c => new PartnerStage(c.ToStage!.NameZh, c.ToStage.NameEn, c.At)).ToListAsync(ct);
        return moves;
    }

    /// <summary>How many of the incubator's referrals are in each status, for the portal dashboard.</summary>
    public async Task<IReadOnlyDictionary<ReferralStatus, int>> CountsAsync(CancellationToken ct = default) =>
        IsPartner
            ? await db.Referrals.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct)
            : new Dictionary<ReferralStatus, int>();

    private async Task<List<PartnerReferral>> RowsAsync(int? stageId, CancellationToken ct)
    {
        // Filtered before the projection: EF cannot translate a filter on the projected stage.
        var referrals = db.Referrals.AsNoTracking();
        if (stageId is { } id)
        {
            referrals = referrals.Where(r => r.Status == ReferralStatus.Accepted && db.Projects.Any(p => p.Id == r.ProjectId && p.StageId == id));
        }

        var rows = await WithStage(referrals)
            .OrderByDescending(x => x.Referral.Id)
            .Select(x => new { x.Referral.Id, x.Referral.EnterpriseName, x.Referral.Status, x.Referral.SubmittedAt, x.Referral.UpdatedAt, x.Stage })
            .ToListAsync(ct);
        return rows.Select(r => new PartnerReferral(r.Id, r.EnterpriseName, r.Status, r.Stage?.NameZh, r.Stage?.NameEn,
            r.SubmittedAt, Later(r.UpdatedAt, r.Stage?.StageEnteredAt))).ToList();
    }

    private sealed class StageNow
    {
        public required string Code { get; init; }
        public required string NameZh { get; init; }
        public required string NameEn { get; init; }
        public DateTimeOffset StageEnteredAt { get; init; }
    }

    private sealed class WithStageRow
    {
        public required Referral Referral { get; init; }
        public StageNow? Stage { get; init; }
    }

    /// <summary>Each referral with its project's current stage once accepted (a left join: SQLite has no APPLY).</summary>
    private IQueryable<WithStageRow> WithStage(IQueryable<Referral> referrals) =>
        from r in referrals
        join p in db.Projects on r.ProjectId equals (int?)p.Id into projects
        from p in projects.DefaultIfEmpty()
        select new WithStageRow
        {
            Referral = r,
            Stage = p != null && r.Status == ReferralStatus.Accepted
                ? new StageNow { Code = p.Stage!.Code, NameZh = p.Stage.NameZh, NameEn = p.Stage.NameEn, StageEnteredAt = p.StageEnteredAt }
                : null,
        };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;
}
