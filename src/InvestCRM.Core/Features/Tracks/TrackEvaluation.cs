using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Tracks;

/// <summary>Where a claimed track stands against its commitments on a given day.</summary>
public enum TrackStanding
{
    /// <summary>Every commitment met.</summary>
    Achieved,

    /// <summary>Every commitment at least as far along as the claim's period.</summary>
    OnPace,

    /// <summary>Some commitment behind the share of the period gone by.</summary>
    Behind,

    /// <summary>Past the due date with a commitment unmet.</summary>
    Missed,
}

public enum TrackMeasure
{
    Enterprises,
    InvestmentWan,
    OutputValueWan,
    TaxWan,
}

/// <summary>One commitment of a claim and how much of it the ledger has counted.</summary>
public sealed record Commitment(TrackMeasure Measure, decimal Committed, decimal Done)
{
    public decimal Share => Committed == 0 ? 0 : Done / Committed;
}

/// <summary>What the ledger counted for a claim, and the open projects still working towards it.</summary>
public sealed record TrackFigures(decimal Projects, decimal Enterprises, decimal InvestmentWan, decimal OutputValueWan, decimal TaxWan,
    int OpenProjects, decimal OpenInvestmentWan)
{
    public decimal Of(TrackMeasure measure) => measure switch
    {
        TrackMeasure.Enterprises => Enterprises,
        TrackMeasure.InvestmentWan => InvestmentWan,
        TrackMeasure.OutputValueWan => OutputValueWan,
        _ => TaxWan,
    };
}

/// <summary>A claim's figures, its commitments, the share of its period gone by (0–1) and where that leaves it.</summary>
public sealed record TrackProgress(TrackFigures Figures, IReadOnlyList<Commitment> Commitments, decimal Elapsed, TrackStanding Standing);

/// <summary>A project the ledger counted for the claim, with the share of it the claimant is credited with.</summary>
public sealed record TrackCountedRow(int ProjectId, string Title, DateTimeOffset CountedAt, bool IsExpansion, decimal Weight,
    decimal InvestmentWan, decimal OutputValueWan, decimal TaxWan);

public sealed record TrackOpenRow(int ProjectId, string Title, string EnterpriseName, int StageId, string StageZh, string StageEn,
    decimal? PlannedInvestmentWan, DateTimeOffset UpdatedAt);

/// <summary>
/// Evaluates claims against the pipeline. A project counts for a claim when the ledger counted it at the default counting
/// stage (not reversed) between the claim date and the due date, in the track's chain (or link), and credited it to the
/// claimant: a park and the parks inside it, or a team, as primary or second unit. The claimant's share follows the
/// plan's credit rule exactly as a target of that unit counts it (split credit weighs a shared project by its share).
/// Open projects are active projects of the same chain or link and unit at a stage before the counting stage.
/// </summary>
public sealed class TrackEvaluation(CrmDbContext db, TargetProgress progress, TimeProvider clock)
{
    public const int ListLimit = 200;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>The claim's progress as of <paramref name="asOf"/> (today when null); null for an open track.</summary>
    public async Task<TrackProgress?> ProgressAsync(Track track, DateOnly? asOf = null, CancellationToken ct = default)
    {
        if (await ClaimAsync(track, asOf, ct) is not { } claim)
        {
            return null;
        }

        // One group of all the rows, so at most one row each: read as a list, since First on it would ask the database
        // for a LIMIT without an order, which EF warns of on every view.
        var counted = (await Weighted(claim).GroupBy(_ => 1)
            .Select(g => new
            {
                Projects = g.Sum(x => x.Weight), Enterprises = g.Sum(x => x.IsExpansion ? 0 : x.Weight), Investment = g.Sum(x => x.Weight * x.InvestmentWan),
                Output = g.Sum(x => x.Weight * x.OutputValueWan), Tax = g.Sum(x => x.Weight * x.TaxWan),
            })
            .ToListAsync(ct)).SingleOrDefault();
        var open = (await OpenProjects(claim).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Investment = g.Sum(p => p.PlannedInvestmentWan ?? 0) })
            .ToListAsync(ct)).SingleOrDefault();
        var figures = new TrackFigures(counted?.Projects ?? 0, counted?.Enterprises ?? 0, counted?.Investment ?? 0, counted?.Output ?? 0,
            counted?.Tax ?? 0, open?.Count ?? 0, open?.Investment ?? 0);
        return Judge(track, figures, claim.Day);
    }

    /// <summary>The projects behind the figures, newest first (up to <paramref name="limit"/>); empty for an open track.</summary>
    public async Task<IReadOnlyList<TrackCountedRow>> CountedAsync(Track track, int limit = ListLimit, CancellationToken ct = default) =>
        await ClaimAsync(track, null, ct) is { } claim ? await CountedAsync(claim, limit, ct) : [];

    /// <summary>The open projects of the claim, furthest stage first (up to <paramref name="limit"/>); empty for an open track.</summary>
    public async Task<IReadOnlyList<TrackOpenRow>> OpenAsync(Track track, int limit = ListLimit, CancellationToken ct = default)
    {
        if (await ClaimAsync(track, null, ct) is not { } claim)
        {
            return [];
        }

        return await OpenProjects(claim)
            .OrderByDescending(p => p.Stage!.Order).ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Take(limit)
            .Select(p => new TrackOpenRow(p.Id, p.Title, p.Enterprise!.Name, p.StageId, p.Stage!.NameZh, p.Stage.NameEn, p.PlannedInvestmentWan, p.UpdatedAt))
            .ToListAsync(ct);
    }

    /// <summary>Commitments met, on pace, behind, or missed once the due date has passed.</summary>
    public static TrackProgress Judge(Track track, TrackFigures figures, DateOnly day)
    {
        var commitments = new (TrackMeasure Measure, decimal? Value)[]
            {
                (TrackMeasure.Enterprises, track.CommitEnterprises), (TrackMeasure.InvestmentWan, track.CommitInvestmentWan),
                (TrackMeasure.OutputValueWan, track.CommitOutputWan), (TrackMeasure.TaxWan, track.CommitTaxWan),
            }
            .Where(c => c.Value > 0)
            .Select(c => new Commitment(c.Measure, c.Value!.Value, figures.Of(c.Measure)))
            .ToList();
        var period = new DateRange(track.ClaimedOn!.Value, track.DueOn!.Value.AddDays(1));
        // The day itself counts as gone by: a review on the due date judges the whole period.
        var elapsed = period.Elapsed(new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset));
        var standing = commitments.All(c => c.Done >= c.Committed) ? TrackStanding.Achieved
            : day > track.DueOn ? TrackStanding.Missed
            : commitments.All(c => c.Share >= elapsed) ? TrackStanding.OnPace
            : TrackStanding.Behind;
        return new TrackProgress(figures, commitments, elapsed, standing);
    }

    private sealed record Claim(Track Track, int Stage, IReadOnlyList<int> OpenStages, CreditRule Rule, IReadOnlyList<int> Units,
        DateRange Range, DateOnly Day);

    private async Task<Claim?> ClaimAsync(Track track, DateOnly? asOf, CancellationToken ct)
    {
        if (track is not { ClaimScope: { } scope, ClaimUnitId: { } unit, ClaimedOn: { } claimed, DueOn: { } due })
        {
            return null;
        }

        // The plan's credit rule, its default counting stage and park tree (the last two kept in the reference cache).
        var context = await progress.ContextAsync(track.PlanId, ct);
        IReadOnlyList<int> units = scope == TargetScope.Park ? TargetProgress.WithDescendants(unit, context.Parks) : [unit];
        var day = asOf ?? Today;
        var last = day < due ? day : due;
        var end = last < claimed ? claimed : last.AddDays(1);
        return new Claim(track, context.DefaultStageId, await progress.OpenStagesAsync(ct), context.Plan.CreditRule, units,
            new DateRange(claimed, end), day);
    }

    /// <summary>The claim's newest entries with their projects' titles.</summary>
    private async Task<IReadOnlyList<TrackCountedRow>> CountedAsync(Claim claim, int limit, CancellationToken ct)
    {
        var rows = await Entries(claim).OrderByDescending(e => e.CountedAt).ThenByDescending(e => e.Id).Take(limit)
            .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new { Entry = e, p.Title })
            .ToListAsync(ct);
        var scope = new LedgerScope(claim.Stage, claim.Range, claim.Track.ClaimScope!.Value, claim.Units, claim.Rule);
        return rows.Select(r =>
        {
            var (e, weight) = (r.Entry, LedgerQueries.WeightIn(scope, r.Entry));
            return new TrackCountedRow(e.ProjectId, r.Title, e.CountedAt, e.IsExpansion, weight,
                weight * e.InvestmentWan, weight * e.OutputValueWan, weight * e.TaxWan);
        }).ToList();
    }

    /// <summary>
    /// The claim's entries with the share the claimant is credited with, summed by the database (a whole chain's claim has
    /// tens of thousands of entries at scale). The same rule as <see cref="LedgerQueries.WeightIn"/>, which the listed rows
    /// use and the tests hold both to: the primary unit counts whole, or its share when the plan splits credit with a
    /// second unit of the same kind; the second unit counts whole, or its share under split credit.
    /// </summary>
    private IQueryable<WeightedEntry> Weighted(Claim claim)
    {
        var (units, split, scope) = (claim.Units, claim.Rule == CreditRule.Split, claim.Track.ClaimScope!.Value);
        var park = scope == TargetScope.Park;
        return Entries(claim).Select(e => new WeightedEntry
        {
            IsExpansion = e.IsExpansion, InvestmentWan = e.InvestmentWan, OutputValueWan = e.OutputValueWan, TaxWan = e.TaxWan,
            Weight = (units.Contains((park ? e.ParkId : e.TeamId) ?? 0) ? (split && e.SecondaryScope == scope ? 1 - e.SecondarySharePercent / 100 : 1) : 0)
                + (e.SecondaryScope == scope && units.Contains(e.SecondaryId ?? 0) ? (split ? e.SecondarySharePercent / 100 : 1) : 0),
        });
    }

    // A member-init shape (not a record) so that EF can sum over the projection.
    private sealed class WeightedEntry
    {
        public bool IsExpansion { get; init; }
        public decimal InvestmentWan { get; init; }
        public decimal OutputValueWan { get; init; }
        public decimal TaxWan { get; init; }
        public decimal Weight { get; init; }
    }

    /// <summary>Read through the entries' (ChainNodeId or ChainId, StageId, CountedAt) index: a claim reads its own entries only.</summary>
    private IQueryable<LedgerEntry> Entries(Claim claim)
    {
        var (track, units, start, end) = (claim.Track, claim.Units, claim.Range.Start, claim.Range.End);
        var entries = track.ChainNodeId is { } node
            ? db.LedgerEntries.AsNoTracking().Where(e => e.ChainNodeId == node)
            : db.LedgerEntries.AsNoTracking().Where(e => e.ChainId == track.ChainId);
        entries = entries.Where(e => e.StageId == claim.Stage && e.CountedAt >= start && e.CountedAt < end && e.ReversedAt == null);
        return track.ClaimScope == TargetScope.Park
            ? entries.Where(e => units.Contains(e.ParkId ?? 0) || (e.SecondaryScope == TargetScope.Park && units.Contains(e.SecondaryId ?? 0)))
            : entries.Where(e => units.Contains(e.TeamId ?? 0) || (e.SecondaryScope == TargetScope.Team && units.Contains(e.SecondaryId ?? 0)));
    }

    private IQueryable<Project> OpenProjects(Claim claim)
    {
        var (track, units, open) = (claim.Track, claim.Units, claim.OpenStages);
        var projects = db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Active && open.Contains(p.StageId));
        projects = track.ChainNodeId is { } node ? projects.Where(p => p.ChainNodeId == node) : projects.Where(p => p.ChainId == track.ChainId);
        return track.ClaimScope == TargetScope.Park
            ? projects.Where(p => units.Contains(p.ParkId ?? 0) || (p.SecondaryCreditScope == TargetScope.Park && units.Contains(p.SecondaryCreditId ?? 0)))
            : projects.Where(p => units.Contains(p.TeamId ?? 0) || (p.SecondaryCreditScope == TargetScope.Team && units.Contains(p.SecondaryCreditId ?? 0)));
    }
}
