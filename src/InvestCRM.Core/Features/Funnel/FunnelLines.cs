using InvestCRM.Features.Ledger;
using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Funnel;

/// <summary>The attributes of a project that place it in the funnel's summaries.</summary>
public sealed record FunnelProject(int Id, int? ParkId, int? TeamId, int? IncubatorId, int? ChainId, decimal? PlannedInvestmentWan,
    DateTimeOffset CreatedAt, ProjectStatus Status, DropReason? DropReason)
{
    public static FunnelProject Of(Project p) =>
        new(p.Id, p.ParkId, p.TeamId, p.IncubatorId, p.ChainId, p.PlannedInvestmentWan, p.CreatedAt, p.Status, p.DropReason);
}

/// <summary>One summary contribution and the instant it happened (the rebuild and the period edges need the instant).</summary>
public sealed record FunnelLine(FunnelSummary Row, DateTimeOffset At);

/// <summary>
/// What one project contributes to the summaries, computed from its detail rows. The incremental path subtracts a
/// project's lines before a change and adds them after; the verifier sums them over all projects; the rebuild's SQL
/// states the same rules set-based (FunnelRebuildSql), and the consistency tests hold the two to each other.
/// </summary>
public static class FunnelLines
{
    public static IEnumerable<FunnelLine> For(FunnelProject project, IEnumerable<StageReached> reached, IEnumerable<StageChange> changes)
    {
        var ordered = changes.OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
        return Reaches(project, reached).Concat(Stays(project, ordered)).Concat(Drop(project, ordered));
    }

    private static IEnumerable<FunnelLine> Reaches(FunnelProject project, IEnumerable<StageReached> reached)
    {
        var investment = (long)Math.Round((project.PlannedInvestmentWan ?? 0) * FunnelSummary.Scale);
        var cohort = Quarter(project.CreatedAt);
        return reached.SelectMany(r => new[]
        {
            new FunnelLine(Row(project, FunnelKind.Reached, r.StageId, Month(r.FirstReachedAt), 0, 0, investment), r.FirstReachedAt),
            new FunnelLine(Row(project, FunnelKind.Cohort, r.StageId, 0, cohort, 0, 0), r.FirstReachedAt),
        });
    }

    /// <summary>
    /// A stay runs from a change that puts the project in a stage (its creation or a move) to the next move; status
    /// changes do not end it. Stays still running are not measured yet.
    /// </summary>
    private static IEnumerable<FunnelLine> Stays(FunnelProject project, List<StageChange> ordered)
    {
        var moves = ordered.Where(c => c.FromStageId is null || c.FromStageId != c.ToStageId).ToList();
        for (var i = 0; i + 1 < moves.Count; i++)
        {
            var days = (moves[i + 1].At.UtcTicks - moves[i].At.UtcTicks) / TimeSpan.TicksPerDay;
            yield return new FunnelLine(Row(project, FunnelKind.Stay, moves[i].ToStageId, Month(moves[i + 1].At), 0, StayBuckets.Of(days), 0), moves[i + 1].At);
        }
    }

    /// <summary>A dropped project counts once, at its latest drop, by its current reason category.</summary>
    private static IEnumerable<FunnelLine> Drop(FunnelProject project, List<StageChange> ordered)
    {
        if (project.Status != ProjectStatus.Dropped || ordered.LastOrDefault(c => c.ToStatus == ProjectStatus.Dropped) is not { } drop)
        {
            yield break;
        }

        var reason = (int)(project.DropReason ?? DropReason.Other);
        yield return new FunnelLine(Row(project, FunnelKind.Drop, drop.ToStageId, Month(drop.At), 0, reason, 0), drop.At);
    }

    private static FunnelSummary Row(FunnelProject p, FunnelKind kind, int stage, int month, int cohort, int detail, long investment) => new()
    {
        Kind = kind, StageId = stage, Month = month, Cohort = cohort, Detail = detail,
        ParkId = p.ParkId ?? 0, TeamId = p.TeamId ?? 0, IncubatorId = p.IncubatorId ?? 0, ChainId = p.ChainId ?? 0,
        Projects = 1, PlannedInvestmentWan = investment,
    };

    public static int Month(DateTimeOffset at)
    {
        var china = at.ToOffset(LedgerLine.ChinaOffset);
        return china.Year * 100 + china.Month;
    }

    public static int Quarter(DateTimeOffset at)
    {
        var china = at.ToOffset(LedgerLine.ChinaOffset);
        return china.Year * 10 + (china.Month + 2) / 3;
    }

    /// <summary>Adds lines of the same grain; <paramref name="sign"/> −1 takes them away.</summary>
    public static Dictionary<(FunnelKind, int, int, int, int, int, int, int, int), FunnelSummary> Sum(
        IEnumerable<FunnelSummary> rows, int sign = 1, Dictionary<(FunnelKind, int, int, int, int, int, int, int, int), FunnelSummary>? into = null)
    {
        into ??= [];
        foreach (var row in rows)
        {
            if (!into.TryGetValue(row.Grain, out var sum))
            {
                sum = new FunnelSummary
                {
                    Kind = row.Kind, StageId = row.StageId, Month = row.Month, Cohort = row.Cohort, Detail = row.Detail,
                    ParkId = row.ParkId, TeamId = row.TeamId, IncubatorId = row.IncubatorId, ChainId = row.ChainId,
                };
                into[row.Grain] = sum;
            }

            sum.Projects += sign * row.Projects;
            sum.PlannedInvestmentWan += sign * row.PlannedInvestmentWan;
        }

        return into;
    }
}
