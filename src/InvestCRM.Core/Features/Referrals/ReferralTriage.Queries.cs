using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Referrals;

public sealed partial class ReferralTriage
{
    public async Task<IReadOnlyList<TriageRow>> ListAsync(ReferralStatus? status, int? incubatorId, CancellationToken ct = default) =>
        !IsInternal ? [] : await db.Referrals.AsNoTracking()
            .Where(r => (status == null || r.Status == status) && (incubatorId == null || r.IncubatorId == incubatorId))
            .OrderByDescending(r => r.Id).Take(500)
            .Select(r => new TriageRow(r.Id, r.EnterpriseName, db.Incubators.Where(i => i.Id == r.IncubatorId).Select(i => i.Name).First(),
                r.Status, r.SubmittedAt, new Submitter(db.Users.Where(u => u.Id == r.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
                    db.ApiKeys.Where(k => k.Id == r.SubmittedByApiKeyId).Select(k => k.Prefix).FirstOrDefault())))
            .ToListAsync(ct);

    public async Task<TriageDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var r = IsInternal ? await db.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        if (r is null)
        {
            return null;
        }

        var incubator = await db.Incubators.Where(i => i.Id == r.IncubatorId).Select(i => i.Name).FirstAsync(ct);
        var updates = await db.ReferralUpdates.AsNoTracking().Where(u => u.ReferralId == id).OrderBy(u => u.Id)
            .Select(u => new TriageUpdate(u.Text, u.FromPartner, u.AuthorName, u.At)).ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.ReferralId == id).OrderBy(a => a.Id)
            .Select(a => new PartnerAttachment(a.Id, a.FileName, a.Size, a.UploadedAt)).ToListAsync(ct);
        var submitter = await SubmitterAsync(r, ct);
        var matches = r.Status == ReferralStatus.Pending ? await MatchesAsync(r.EnterpriseName, r.CreditCode, ct) : [];
        return new TriageDetail(r.Id, r.IncubatorId, incubator, r.EnterpriseName, r.CreditCode, r.Industry, r.HqCity, r.ContactName,
            r.ContactPhone, r.ContactEmail, r.Seeks, r.Description, r.PlannedInvestmentWan, r.Status, r.ReturnReason, r.ProjectId,
            r.EnterpriseId, r.SubmittedAt, r.DecidedAt, matches, updates, attachments) { SubmittedBy = submitter };
    }

    private async Task<Submitter> SubmitterAsync(Referral r, CancellationToken ct) => new(
        r.SubmittedById is null ? null : await db.Users.Where(u => u.Id == r.SubmittedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct),
        r.SubmittedByApiKeyId is null ? null : await db.ApiKeys.Where(k => k.Id == r.SubmittedByApiKeyId).Select(k => k.Prefix).FirstOrDefaultAsync(ct));

    /// <summary>Active internal users who can own the project.</summary>
    public async Task<IReadOnlyList<LabeledChoice>> OwnersAsync(CancellationToken ct = default) =>
        await (from u in ActiveUsers.In(db, ActiveUsers.Internal)
               orderby u.DisplayName
               select new LabeledChoice(u.Id, u.DisplayName)).ToListAsync(ct);

    public async Task<IReadOnlyList<Option>> TeamsAsync(CancellationToken ct = default) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Option(t.Id.ToString(), t.Name, t.NameEn)).ToListAsync(ct);

    public async Task<IReadOnlyList<LabeledChoice>> IncubatorsAsync(CancellationToken ct = default) =>
        await db.Incubators.AsNoTracking().OrderBy(i => i.Name).Select(i => new LabeledChoice(i.Id.ToString(), i.Name)).ToListAsync(ct);
}
