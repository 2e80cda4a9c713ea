using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Tracks;

/// <summary>A track as lists show it: what it covers, who holds it, and how the claim stands today (null while open).</summary>
public sealed record TrackRow(Track Track, UnitName Subject, UnitName? Claimant, TrackProgress? Progress, TrackVerdict? LastVerdict, DateOnly? LastReviewedOn);

public sealed record TrackReviewRow(int Id, DateOnly ReviewedOn, TrackVerdict Verdict, string? Note, string? ReviewerName, UnitName? Claimant,
    string? LeaderName, decimal Projects, decimal Enterprises, decimal InvestmentWan, decimal OutputValueWan, decimal TaxWan, int OpenProjects);

public sealed record TrackDetail(PlanSummary Plan, TrackRow Row, IReadOnlyList<TrackCountedRow> Counted, IReadOnlyList<TrackOpenRow> Open,
    IReadOnlyList<TrackReviewRow> Reviews);

/// <summary>The 揭榜挂帅 list: managers publish tracks, record claims and review them; everyone inside the park reads them.</summary>
public sealed class TrackService(CrmDbContext db, TrackEvaluation evaluation, TargetCatalog catalog, PlanCatalog plans, TimeProvider clock)
{
    /// <summary>Every track of the plan (the current one when none is given), claimed ones first, by name; null without a plan.</summary>
    public async Task<(PlanSummary Plan, IReadOnlyList<TrackRow> Rows)?> ListAsync(int? planId = null, CancellationToken ct = default)
    {
        if (await plans.CurrentAsync(planId, ct) is not { } plan)
        {
            return null;
        }

        var tracks = await db.Tracks.AsNoTracking().Where(t => t.PlanId == plan.Id).ToListAsync(ct);
        var ids = tracks.Select(t => t.Id).ToList();
        // Every review of the list's tracks in one statement (a few a year each), the last of each taken here.
        var reviews = await db.TrackReviews.AsNoTracking().Where(r => ids.Contains(r.TrackId))
            .Select(r => new { r.TrackId, r.Id, r.Verdict, r.ReviewedOn }).ToListAsync(ct);
        var last = reviews.GroupBy(r => r.TrackId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).Select(r => (r.Verdict, r.ReviewedOn)).First());
        var rows = new List<TrackRow>();
        foreach (var track in tracks.OrderBy(t => t.ClaimScope is null).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            rows.Add(await RowAsync(track, last.TryGetValue(track.Id, out var review) ? review : null, ct));
        }

        return (plan, rows);
    }

    public async Task<TrackDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var track = await db.Tracks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (track is null || await plans.CurrentAsync(track.PlanId, ct) is not { } plan)
        {
            return null;
        }

        var names = await catalog.ScopeNamesAsync(track.PlanId, ct);
        var reviews = await db.TrackReviews.AsNoTracking().Where(r => r.TrackId == id)
            .OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id)
            .Select(r => new { Review = r, Reviewer = db.Users.Where(u => u.Id == r.ReviewedById).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        (TrackVerdict, DateOnly)? last = reviews.Count == 0 ? null : (reviews[0].Review.Verdict, reviews[0].Review.ReviewedOn);
        return new TrackDetail(plan, await RowAsync(track, last, ct), await evaluation.CountedAsync(track, ct: ct), await evaluation.OpenAsync(track, ct: ct),
            reviews.Select(x => x.Review).Select((r, i) => new TrackReviewRow(r.Id, r.ReviewedOn, r.Verdict, r.Note, reviews[i].Reviewer,
                names.GetValueOrDefault((r.ClaimScope, r.ClaimUnitId)), r.LeaderName, r.Projects, r.Enterprises, r.InvestmentWan,
                r.OutputValueWan, r.TaxWan, r.OpenProjects)).ToList());
    }

    /// <summary>The track's published facts and claim as the forms edit them; null when there is no such track.</summary>
    public Task<Track?> FindAsync(int id, CancellationToken ct = default) =>
        db.Tracks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);

    public async Task<Outcome> CreateAsync(int planId, TrackInput input, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return Outcome.NotFound();
        }

        return await SaveAsync(new Track { PlanId = planId, Name = "" }, input, ct);
    }

    public async Task<Outcome> UpdateAsync(int id, TrackInput input, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        return await db.Tracks.FirstOrDefaultAsync(t => t.Id == id, ct) is { } track ? await SaveAsync(track, input, ct) : Outcome.NotFound();
    }

    /// <summary>Records a claim (揭榜) on an open track, or amends the claim of a claimed one.</summary>
    public async Task<Outcome> ClaimAsync(int id, ClaimInput input, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        if (await db.Tracks.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } track)
        {
            return Outcome.NotFound();
        }

        var days = await ReviewDaysAsync(track.Id, ct);
        var checks = input.Check(track.PublishedOn, days.Withdrawn, track.IsClaimed ? days.FirstOfClaim : null);
        var known = input.Scope == TargetScope.Park
            ? await db.Parks.AnyAsync(p => p.Id == input.UnitId && p.PlanId == track.PlanId, ct)
            : await db.Teams.AnyAsync(t => t.Id == input.UnitId, ct);
        checks.When(input.UnitId is not null && !known, nameof(ClaimInput.UnitId), InputChecks.Unknown);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        input.ApplyTo(track);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(track.Id);
    }

    /// <summary>
    /// Records a review of the claim with its figures as of the review day; a withdrawal (退出) ends the claim in the same
    /// save, and the track is open to be claimed again.
    /// </summary>
    public async Task<Outcome> ReviewAsync(int id, ReviewInput input, CancellationToken ct = default)
    {
        if (!CanManage)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        if (await db.Tracks.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } track)
        {
            return Outcome.NotFound();
        }

        if (track is not { ClaimScope: { } scope, ClaimUnitId: { } unit, ClaimedOn: { } claimed })
        {
            return Outcome.Refused(new Problem("Track.NotClaimed"));
        }

        var checks = input.Check(claimed, ChinaTime.Today(clock), (await ReviewDaysAsync(track.Id, ct)).Last);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        var progress = (await evaluation.ProgressAsync(track, input.ReviewedOn, ct))!;
        var figures = progress.Figures;
        db.TrackReviews.Add(new TrackReview
        {
            TrackId = track.Id, ReviewedOn = input.ReviewedOn!.Value, Verdict = input.Verdict, Note = InputChecks.Clean(input.Note),
            ReviewedById = db.User.UserId, CreatedAt = clock.GetUtcNow(), ClaimScope = scope, ClaimUnitId = unit, LeaderName = track.LeaderName,
            Projects = figures.Projects, Enterprises = figures.Enterprises, InvestmentWan = figures.InvestmentWan,
            OutputValueWan = figures.OutputValueWan, TaxWan = figures.TaxWan, OpenProjects = figures.OpenProjects,
        });
        if (input.Verdict == TrackVerdict.Withdrawn)
        {
            (track.ClaimScope, track.ClaimUnitId, track.LeaderName, track.ClaimedOn, track.DueOn) = (null, null, null, null, null);
            (track.CommitEnterprises, track.CommitInvestmentWan, track.CommitOutputWan, track.CommitTaxWan) = (null, null, null, null);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(track.Id);
    }

    /// <summary>
    /// The days of the track's reviews in their order (day, then id, as the list takes the last): the last withdrawal,
    /// the first review of the claim since then, and the last review of all.
    /// </summary>
    private async Task<(DateOnly? Withdrawn, DateOnly? FirstOfClaim, DateOnly? Last)> ReviewDaysAsync(int trackId, CancellationToken ct)
    {
        var reviews = await db.TrackReviews.AsNoTracking().Where(r => r.TrackId == trackId)
            .OrderBy(r => r.ReviewedOn).ThenBy(r => r.Id).Select(r => new { r.ReviewedOn, r.Verdict }).ToListAsync(ct);
        var withdrawal = reviews.FindLastIndex(r => r.Verdict == TrackVerdict.Withdrawn);
        return (withdrawal < 0 ? null : reviews[withdrawal].ReviewedOn, reviews.Skip(withdrawal + 1).FirstOrDefault()?.ReviewedOn,
            reviews.LastOrDefault()?.ReviewedOn);
    }

    /// <summary>The list's row of a track; <paramref name="last"/>: its latest review's verdict and date, if any.</summary>
    private async Task<TrackRow> RowAsync(Track track, (TrackVerdict Verdict, DateOnly ReviewedOn)? last, CancellationToken ct)
    {
        var names = await catalog.ScopeNamesAsync(track.PlanId, ct);
        var subject = (track.ChainNodeId is { } node ? names.GetValueOrDefault((TargetScope.ChainNode, node)) : null)
            ?? names.GetValueOrDefault((TargetScope.Chain, track.ChainId)) ?? new UnitName("—", null);
        var claimant = track is { ClaimScope: { } scope, ClaimUnitId: { } unit } ? names.GetValueOrDefault((scope, unit)) : null;
        return new TrackRow(track, subject, claimant, await evaluation.ProgressAsync(track, ct: ct), last?.Verdict, last?.ReviewedOn);
    }

    private async Task<Outcome> SaveAsync(Track track, TrackInput input, CancellationToken ct)
    {
        var checks = input.Check();
        checks.When(input.ChainId is { } chain && !await db.IndustryChains.AnyAsync(c => c.Id == chain && c.PlanId == track.PlanId, ct),
                nameof(TrackInput.ChainId), InputChecks.Unknown)
            .When(input.ChainNodeId is { } node && !await db.ChainNodes.AnyAsync(n => n.Id == node && n.ChainId == input.ChainId, ct),
                nameof(TrackInput.ChainId), InputChecks.Unknown);
        // A claimed track was on the list when it was claimed.
        checks.When(track.ClaimedOn < input.PublishedOn, nameof(TrackInput.PublishedOn), "Track.PublishedAfterClaim");
        var name = input.Name.Trim();
        checks.When(await db.Tracks.AnyAsync(t => t.PlanId == track.PlanId && t.Name == name && t.Id != track.Id, ct),
            nameof(TrackInput.Name), InputChecks.NameTaken);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        input.ApplyTo(track);
        if (track.Id == 0)
        {
            db.Tracks.Add(track);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(track.Id);
    }

    private bool CanManage => db.User.IsSystem || db.User.IsLeadership;
}
