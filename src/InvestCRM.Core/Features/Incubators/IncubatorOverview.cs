using InvestCRM.Data;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Incubators;

/// <summary>
/// The sections of the staff incubator page, one method each, each a fixed number of queries. Staff only: a partner
/// (whose incubator the context would let through) gets nothing here; the portal has its own reads.
/// </summary>
public sealed class IncubatorOverview(CrmDbContext db, TargetProgress progress)
{
    private const int RecentActivities = 15;
    private const int MaxRows = 200;

    private bool IsInternal => db.User.IsSystem || db.User.IsStaff || db.User.IsLeadership;

    public async Task<IncubatorProfile?> ProfileAsync(int id, CancellationToken ct = default)
    {
        var incubator = IsInternal ? await IncubatorService.Rows(db.Incubators.Where(i => i.Id == id)).FirstOrDefaultAsync(ct) : null;
        if (incubator is null)
        {
            return null;
        }

        var contacts = await db.IncubatorContacts.AsNoTracking().Where(c => c.IncubatorId == id).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new IncubatorContactRow(c.Id, c.Name, c.Title, c.Phone, c.Email)).ToListAsync(ct);
        var history = await db.IncubatorStatusChanges.AsNoTracking().Where(c => c.IncubatorId == id).OrderByDescending(c => c.Id)
            .Select(c => new StatusStep(c.FromStatus, c.ToStatus, c.At, c.UserName, c.Note)).ToListAsync(ct);
        return new IncubatorProfile(incubator, contacts, history);
    }

    /// <summary>The partner users bound to the incubator (UserAdministration binds only partners to one).</summary>
    public async Task<IReadOnlyList<PartnerUserRow>> PartnerUsersAsync(int id, CancellationToken ct = default) =>
        !IsInternal ? [] : await db.Users.AsNoTracking().Where(u => u.IncubatorId == id).OrderBy(u => u.DisplayName)
            .Select(u => new PartnerUserRow(u.Id, u.DisplayName, u.Email, u.IsActive)).ToListAsync(ct);

    public async Task<IReadOnlyList<IncubatorReferralRow>> ReferralsAsync(int id, CancellationToken ct = default)
    {
        if (!IsInternal)
        {
            return [];
        }

        var rows = await (from r in db.Referrals.AsNoTracking()
                          where r.IncubatorId == id
                          join p in db.Projects on r.ProjectId equals (int?)p.Id into projects
                          from p in projects.DefaultIfEmpty()
                          orderby r.Id descending
                          select new
                          {
                              r.Id, r.EnterpriseName, r.Status, r.ProjectId, r.SubmittedAt,
                              StageZh = p == null ? null : p.Stage!.NameZh, StageEn = p == null ? null : p.Stage!.NameEn,
                              User = db.Users.Where(u => u.Id == r.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
                              Key = db.ApiKeys.Where(k => k.Id == r.SubmittedByApiKeyId).Select(k => k.Prefix).FirstOrDefault(),
                          }).Take(MaxRows).ToListAsync(ct);
        return rows.Select(r => new IncubatorReferralRow(r.Id, r.EnterpriseName, r.Status, r.ProjectId,
            r.Status == ReferralStatus.Accepted ? r.StageZh : null, r.Status == ReferralStatus.Accepted ? r.StageEn : null,
            r.SubmittedAt, new Submitter(r.User, r.Key))).ToList();
    }

    /// <summary>Projects credited to the incubator at the default counting stage and not reversed, newest count first.</summary>
    public async Task<IReadOnlyList<LandedProject>> LandedAsync(int id, CancellationToken ct = default)
    {
        if (!IsInternal)
        {
            return [];
        }

        var stage = await progress.DefaultCountingStageAsync(ct);
        return await db.LedgerEntries.AsNoTracking()
            .Where(e => e.StageId == stage && e.ReversedAt == null
                && (e.IncubatorId == id || (e.SecondaryScope == TargetScope.Incubator && e.SecondaryId == id)))
            .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new { e, p.Title, p.Stage!.NameZh, p.Stage.NameEn })
            .OrderByDescending(x => x.e.CountedAt).Take(MaxRows)
            .Select(x => new LandedProject(x.e.ProjectId, x.Title, x.e.CountedAt, x.e.InvestmentWan, x.e.IsExpansion, x.NameZh, x.NameEn))
            .ToListAsync(ct);
    }

    /// <summary>The latest activities logged on the incubator's projects.</summary>
    public async Task<IReadOnlyList<IncubatorActivityRow>> ActivitiesAsync(int id, CancellationToken ct = default) =>
        !IsInternal ? [] : await (from a in db.Activities.AsNoTracking()
                                  join p in db.Projects on a.ProjectId equals (int?)p.Id
                                  where p.IncubatorId == id
                                  orderby a.OccurredAt descending, a.Id descending
                                  select new IncubatorActivityRow(a.Id, a.Type, a.OccurredAt, a.Summary, p.Id, p.Title))
            .Take(RecentActivities).ToListAsync(ct);

    /// <summary>Completion of every target scoped to the incubator (ledger figures), and its counts.</summary>
    public async Task<IncubatorKpis?> KpisAsync(int id, CancellationToken ct = default)
    {
        var planId = IsInternal ? await db.Incubators.Where(i => i.Id == id).Select(i => (int?)i.PlanId).FirstOrDefaultAsync(ct) : null;
        if (planId is not { } plan)
        {
            return null;
        }

        var targets = await progress.ForUnitAsync(plan, TargetScope.Incubator, id, ct);
        var counts = await new IncubatorFigures(db).ForAsync(plan, [id], ct);
        return new IncubatorKpis(targets, counts[id]);
    }
}
