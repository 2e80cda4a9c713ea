using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;

namespace InvestCRM.Features.Funnel;

/// <summary>
/// One stage of the funnel in a period. Conversions are ratios of first reaches in the period (a jump reaches every
/// stage passed, so a later stage never has more than an earlier one over the whole history). Median and p90 are
/// buckets of whole days (<see cref="StayBuckets"/>) over the stays that ended in the period.
/// </summary>
public sealed record FunnelStageRow(
    int StageId, string NameZh, string? NameEn, long Reached, decimal PlannedInvestmentWan,
    decimal? ToNextPercent, decimal? FromFirstPercent, long Stays, int? MedianBucket, int? P90Bucket,
    IReadOnlyDictionary<DropReason, long> Drops)
{
    public long DropsTotal => Drops.Values.Sum();
}

/// <summary>Of the projects created in one quarter (yyyyQ), how many have reached each stage by now.</summary>
public sealed record CohortRow(int Quarter, long Size, IReadOnlyList<long> Reached)
{
    public decimal? Percent(int stageIndex) => Size == 0 ? null : Math.Round(Reached[stageIndex] * 100m / Size, 1);

    public string QuarterText => $"{Quarter / 10} Q{Quarter % 10}";
}

public sealed record FunnelReport(ReportOptions Options, ReportPeriod Period, IReadOnlyList<FunnelStageRow> Stages, IReadOnlyList<CohortRow> Cohorts);

/// <summary>Which units a funnel figure covers; a park includes the parks inside it.</summary>
public sealed record FunnelUnits(IReadOnlyList<int>? ParkIds, int? ChainId, int? TeamId, int? IncubatorId)
{
    public static readonly FunnelUnits All = new(null, null, null, null);

    public bool Matches(FunnelSummary s) =>
        (ParkIds is null || ParkIds.Contains(s.ParkId)) && (ChainId is null || s.ChainId == ChainId)
        && (TeamId is null || s.TeamId == TeamId) && (IncubatorId is null || s.IncubatorId == IncubatorId);

    /// <summary>The roll-up rows that answer these units (see <see cref="UnitRollup.SingleUnit"/>); null when only the summaries can.</summary>
    public (RollupUnit Kind, IReadOnlyList<int>? Ids)? Rollup => UnitRollup.SingleUnit(ParkIds, ChainId, TeamId, IncubatorId);

    public IQueryable<FunnelSummary> Apply(IQueryable<FunnelSummary> rows)
    {
        var (parks, chain, team, incubator) = (ParkIds, ChainId, TeamId, IncubatorId);
        if (parks is not null)
        {
            rows = rows.Where(s => parks.Contains(s.ParkId));
        }

        if (chain is not null)
        {
            rows = rows.Where(s => s.ChainId == chain);
        }

        if (team is not null)
        {
            rows = rows.Where(s => s.TeamId == team);
        }

        return incubator is null ? rows : rows.Where(s => s.IncubatorId == incubator);
    }
}

/// <summary>Summed summary figures of one kind, stage and detail.</summary>
public sealed record FunnelCell(FunnelKind Kind, int StageId, int Detail, long Projects, long PlannedInvestmentWan);

/// <summary>The p-th value by nearest rank over bucket counts: the first bucket whose running count reaches ⌈p·n⌉.</summary>
public static class BucketPercentile
{
    public static int? Of(IReadOnlyDictionary<int, long> counts, decimal p)
    {
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(p * total);
        long running = 0;
        foreach (var (bucket, count) in counts.OrderBy(c => c.Key))
        {
            running += count;
            if (running >= Math.Max(1, rank))
            {
                return bucket;
            }
        }

        return counts.Keys.Max();
    }
}
