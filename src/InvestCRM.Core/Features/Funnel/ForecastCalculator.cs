namespace InvestCRM.Features.Funnel;

/// <summary>What the pipeline measured, for the forecast: first reaches and completed-stay histograms per stage (all time).</summary>
public sealed record PipelineMeasures(IReadOnlyList<int> StageOrder, IReadOnlyDictionary<int, long> Reached, IReadOnlyDictionary<int, IReadOnlyDictionary<int, long>> Stays);

/// <summary>
/// Expected additional counts from today's open projects before a target's end. For each open project in stage s
/// before the counting stage t: P(reach t | reached s) = reached(t) / reached(s) over the whole history, times the
/// probability that the stays in s … t−1 add up to no more than the days left, taking each stage's stay as its
/// measured bucket distribution at the bucket's upper bound (conservative: a bucket is only known to its bound).
/// Time already spent in the current stage is not credited, and a stage with no measured stay counts as 0 days.
/// </summary>
public static class ForecastCalculator
{
    public static decimal ExpectedAdditional(PipelineMeasures measures, IReadOnlyDictionary<int, long> openByStage, int countingStageId, int daysLeft)
    {
        var order = measures.StageOrder;
        var target = IndexOf(order, countingStageId);
        if (target < 0 || daysLeft < 0)
        {
            return 0;
        }

        var reachedTarget = measures.Reached.GetValueOrDefault(countingStageId);
        decimal expected = 0;
        for (var i = 0; i < target; i++)
        {
            var open = openByStage.GetValueOrDefault(order[i]);
            var reached = measures.Reached.GetValueOrDefault(order[i]);
            if (open == 0 || reached == 0)
            {
                continue;
            }

            var conversion = Math.Min(1m, reachedTarget / (decimal)reached);
            expected += open * conversion * OnTime(measures, order, i, target, daysLeft);
        }

        return expected;
    }

    /// <summary>Open projects that can still count: those in stages before the counting stage.</summary>
    public static long OpenBefore(IReadOnlyList<int> order, IReadOnlyDictionary<int, long> openByStage, int countingStageId) =>
        order.TakeWhile(id => id != countingStageId).Sum(id => openByStage.GetValueOrDefault(id));

    /// <summary>The gap: whole projects still needed beyond the expected total (0 when the target is expected to be met).</summary>
    public static int Gap(decimal target, decimal counted, decimal expectedAdditional) =>
        (int)Math.Max(0, Math.Ceiling(target - counted - expectedAdditional));

    /// <summary>P(stay in stages from … to−1 summed ≤ daysLeft), by convolving the stay distributions.</summary>
    public static decimal OnTime(PipelineMeasures measures, IReadOnlyList<int> order, int from, int to, int daysLeft)
    {
        var reachable = new Dictionary<int, decimal> { [0] = 1m };
        for (var k = from; k < to; k++)
        {
            var stays = measures.Stays.GetValueOrDefault(order[k]);
            var total = stays?.Values.Sum() ?? 0;
            if (stays is null || total == 0)
            {
                continue;
            }

            var next = new Dictionary<int, decimal>();
            foreach (var (days, p) in reachable)
            {
                foreach (var (bucket, count) in stays)
                {
                    var sum = days + Days(bucket);
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
