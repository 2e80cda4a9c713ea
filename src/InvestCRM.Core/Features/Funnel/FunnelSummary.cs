namespace InvestCRM.Features.Funnel;

/// <summary>
/// Running totals behind the funnel, kept in the same transaction as every project change, so that the funnel at
/// a million projects reads thousands of rows instead of five million history rows. One table holds the three
/// kinds of fact (a first reach, a completed stay in a stage, a current drop) because they share the grain of
/// stage × China-time month × unit and are written and rebuilt together; <see cref="Detail"/> carries the one
/// kind-specific key (stay bucket, drop reason), <see cref="Cohort"/> the creation quarter of cohort rows. "No unit" is stored as 0 so the grain is a plain unique key.
/// </summary>
public class FunnelSummary
{
    public long Id { get; set; }
    public FunnelKind Kind { get; set; }
    public int StageId { get; set; }

    /// <summary>yyyyMM in China Standard Time: of the first reach, of the end of the stay, or of the drop; 0 for cohort rows.</summary>
    public int Month { get; set; }

    /// <summary>For cohort rows: the project's creation quarter as yyyyQ (20251 = 2025 Q1); else 0.</summary>
    public int Cohort { get; set; }

    /// <summary>For stays: the <see cref="StayBuckets"/> index; for drops: the <c>DropReason</c>; else 0.</summary>
    public int Detail { get; set; }

    public int ParkId { get; set; }
    public int TeamId { get; set; }
    public int IncubatorId { get; set; }
    public int ChainId { get; set; }

    /// <summary>Projects reached, stays ended, or projects dropped.</summary>
    public long Projects { get; set; }

    /// <summary>Planned investment of the projects reached, in ten-thousandths of 万元 (exact on SQLite too).</summary>
    public long PlannedInvestmentWan { get; set; }

    public const long Scale = 10_000;

    public static readonly string[] GrainColumns =
        [nameof(Kind), nameof(StageId), nameof(Month), nameof(Cohort), nameof(Detail), nameof(ParkId), nameof(TeamId), nameof(IncubatorId), nameof(ChainId)];

    public static readonly string[] MeasureColumns = [nameof(Projects), nameof(PlannedInvestmentWan)];

    public (FunnelKind, int, int, int, int, int, int, int, int) Grain => (Kind, StageId, Month, Cohort, Detail, ParkId, TeamId, IncubatorId, ChainId);
}

public enum FunnelKind
{
    Reached = 1,
    Stay = 2,
    Drop = 3,

    /// <summary>
    /// A first reach again, by creation quarter instead of month: kept apart so neither view multiplies the
    /// other's rows (reaches × quarters would be several times larger than both together).
    /// </summary>
    Cohort = 4,
}

/// <summary>
/// Whole days in a stage, grouped into buckets. Exact days would multiply the summary rows by hundreds; buckets keep
/// them small, and the funnel shows the bucket that holds the median or p90 rather than a made-up precise day.
/// </summary>
public static class StayBuckets
{
    /// <summary>Upper bound (inclusive, whole days) of each bucket; the last bucket is open-ended.</summary>
    public static readonly int[] UpperDays = [0, 1, 3, 7, 14, 30, 60, 90, 180, 365, 730, int.MaxValue];

    public static int Of(long days)
    {
        for (var i = 0; i < UpperDays.Length; i++)
        {
            if (days <= UpperDays[i])
            {
                return i;
            }
        }

        return UpperDays.Length - 1;
    }

    public static int LowerDays(int bucket) => bucket == 0 ? 0 : UpperDays[bucket - 1] + 1;

    /// <summary>"8–10" style label; "731+" for the open bucket; a single day where the bucket is one day wide.</summary>
    public static string Label(int bucket)
    {
        var lower = LowerDays(bucket);
        var upper = UpperDays[bucket];
        return upper == int.MaxValue ? $"{lower}+" : lower == upper ? $"{lower}" : $"{lower}–{upper}";
    }
}
