namespace InvestCRM.Features.Funnel;

/// <summary>What the pipeline measured, for the forecast: first reaches and completed-stay histograms per stage (all time).</summary>
public sealed record PipelineMeasures(IReadOnlyList<int> StageOrder, IReadOnlyDictionary<int, long> Reached, IReadOnlyDictionary<int, IReadOnlyDictionary<int, long>> Stays);

/// <summary>Open projects in one stage that have been in it for a number of whole days within one stay bucket.</summary>
public readonly record struct OpenGroup(int StageId, int InStageBucket, long Projects);

/// <summary>
/// Expected additional counts from today's open projects before a target's end. For each open project in stage s
/// before the counting stage t: P(reach t | reached s) = reached(t) / reached(s) over the whole history, times the
/// probability that the stays in s … t−1 add up to no more than the days left, taking each stage's stay as its
/// measured bucket distribution at the bucket's upper bound (conservative: a bucket is only known to its bound).
/// Time already spent in the current stage is credited: a project in s for at least d days (its age bucket's lower
/// bound) stays on as the measured stays of d days or more, less d. A stage with no measured stay, or none as long
/// as the project's time in it, counts as 0 more days.
/// </summary>
public static class ForecastCalculator
{
    public static decimal ExpectedAdditional(PipelineMeasures measures, IReadOnlyList<OpenGroup> open, int countingStageId, int daysLeft)
    {
        var order = measures.StageOrder;
        var target = IndexOf(order, countingStageId);
        if (target < 0 || daysLeft < 0)
        {
            return 0;
        }

        var reachedTarget = measures.Reached.GetValueOrDefault(countingStageId);
        decimal expected = 0;
        foreach (var group in open)
        {
            var from = IndexOf(order, group.StageId);
            var reached = measures.Reached.GetValueOrDefault(group.StageId);
            if (from < 0 || from >= target || group.Projects == 0 || reached == 0)
            {
                continue;
            }

            var conversion = Math.Min(1m, reachedTarget / (decimal)reached);
            expected += group.Projects * conversion * OnTime(measures, order, from, target, daysLeft, group.InStageBucket);
        }

        return expected;
    }

    /// <summary>Open projects that can still count: those in stages before the counting stage.</summary>
    public static long OpenBefore(IReadOnlyList<int> order, IReadOnlyList<OpenGroup> open, int countingStageId)
    {
        var before = order.TakeWhile(id => id != countingStageId).ToHashSet();
        return open.Where(g => before.Contains(g.StageId)).Sum(g => g.Projects);
    }

    /// <summary>The gap: whole projects still needed beyond the expected total (0 when the target is expected to be met).</summary>
    public static int Gap(decimal target, decimal counted, decimal expectedAdditional) =>
        (int)Math.Max(0, Math.Ceiling(target - counted - expectedAdditional));

    /// <summary>
    /// P(stay in stages from … to−1 summed ≤ daysLeft), by convolving the stay distributions; the stay in the first
    /// stage is what remains after the days of <paramref name="inStageBucket"/>'s lower bound.
    /// </summary>
    public static decimal OnTime(PipelineMeasures measures, IReadOnlyList<int> order, int from, int to, int daysLeft, int inStageBucket = 0)
    {
        var reachable = new Dictionary<int, decimal> { [0] = 1m };
        for (var k = from; k < to; k++)
        {
            var (longEnough, spent) = k == from ? (inStageBucket, StayBuckets.LowerDays(inStageBucket)) : (0, 0);
            var stays = measures.Stays.GetValueOrDefault(order[k])?.Where(s => s.Key >= longEnough).ToList();
            var total = stays?.Sum(s => s.Value) ?? 0;
            if (stays is null || total == 0)
            {
                continue;
            }

            var next = new Dictionary<int, decimal>();
            foreach (var (days, p) in reachable)
            {
                foreach (var (bucket, count) in stays)
                {
                    var sum = days + Days(bucket) - spent;
                    if (sum <= daysLeft)
                    {
                        next[sum] = next.GetValueOrDefault(sum) + p * count / total;
                    }
                }
            }

            reachable = next;
        }

        return reachable.Values.Sum();
    }

    /// <summary>A bucket's stay in days: its upper bound; the open last bucket at its lower bound.</summary>
    private static int Days(int bucket) =>
        StayBuckets.UpperDays[bucket] == int.MaxValue ? StayBuckets.LowerDays(bucket) : StayBuckets.UpperDays[bucket];

    private static int IndexOf(IReadOnlyList<int> order, int id)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == id)
            {
                return i;
            }
        }

        return -1;
    }
}
