using InvestCRM.Features.Funnel;

namespace InvestCRM.Tests.Features.Funnel;

/// <summary>
/// Three stages 1 → 2 → 3, counting at 3. Reached: 10, 5, 2. Stays in stage 1: one of 4–7 days (counted as 7) and
/// one of 15–30 days (30); in stage 2: one of 4–7 days (7). Open: 4 in stage 1, 2 in stage 2, all entered today
/// (0 days in stage, bucket 0) unless a test says otherwise.
/// </summary>
public sealed class ForecastCalculatorTests
{
    private static readonly PipelineMeasures Measures = new(
        [1, 2, 3],
        new Dictionary<int, long> { [1] = 10, [2] = 5, [3] = 2 },
        new Dictionary<int, IReadOnlyDictionary<int, long>>
        {
            [1] = new Dictionary<int, long> { [StayBuckets.Of(6)] = 1, [StayBuckets.Of(20)] = 1 },
            [2] = new Dictionary<int, long> { [StayBuckets.Of(5)] = 1 },
        });

    private static readonly OpenGroup[] Open = [new(1, 0, 4), new(2, 0, 2)];

    [Fact]
    public void Twenty_days_left_gives_the_hand_computed_expectation()
    {
        // Stage 2: 2 × 2/5 × P(7 ≤ 20) = 0.8. Stage 1: 4 × 2/10 × P(7+7 or 30+7 ≤ 20) = 4 × 0.2 × 0.5 = 0.4.
        Assert.Equal(1.2m, ForecastCalculator.ExpectedAdditional(Measures, Open, 3, 20));
    }

    [Fact]
    public void More_time_lets_the_slow_half_arrive_too()
    {
        // 37 days: both stage-1 paths (14 and 37 days) fit: 0.8 + 4 × 0.2 × 1 = 1.6.
        Assert.Equal(1.6m, ForecastCalculator.ExpectedAdditional(Measures, Open, 3, 37));
        // 6 days: not even stage 2's 7 days fit.
        Assert.Equal(0m, ForecastCalculator.ExpectedAdditional(Measures, Open, 3, 6));
    }

    [Fact]
    public void Projects_at_or_past_the_counting_stage_add_nothing_more()
    {
        Assert.Equal(0m, ForecastCalculator.ExpectedAdditional(Measures, [new(3, 0, 9)], 3, 365));
        Assert.Equal(0m, ForecastCalculator.ExpectedAdditional(Measures, Open, 99, 365));
    }

    [Fact]
    public void Only_projects_before_the_counting_stage_are_open_for_it() =>
        Assert.Equal(7, ForecastCalculator.OpenBefore([1, 2, 3], [new(1, 0, 4), new(2, 0, 2), new(2, 5, 1), new(3, 0, 9)], 3));

    [Fact]
    public void Days_already_in_the_stage_are_credited()
    {
        // 4 in stage 1 for 8–14 days: only the 30-day stay lasted that long, 30 − 8 = 22 more, then 7: 29 days.
        // 2 in stage 2 for 4–7 days: the 7-day stay, 7 − 4 = 3 more days (entered today they would need 7).
        OpenGroup[] open = [new(1, StayBuckets.Of(10), 4), new(2, StayBuckets.Of(5), 2)];
        Assert.Equal(1.6m, ForecastCalculator.ExpectedAdditional(Measures, open, 3, 29)); // 4 × 0.2 + 2 × 0.4
        Assert.Equal(0.8m, ForecastCalculator.ExpectedAdditional(Measures, open, 3, 28)); // stage 2's only
        Assert.Equal(0.8m, ForecastCalculator.ExpectedAdditional(Measures, open, 3, 3));
        Assert.Equal(0m, ForecastCalculator.ExpectedAdditional(Measures, open, 3, 2));
    }

    [Fact]
    public void A_stay_longer_than_any_measured_one_is_taken_as_ending_now()
    {
        // In stage 2 for 31–60 days, longer than its only measured stay (7 days): 0 more days.
        Assert.Equal(0.8m, ForecastCalculator.ExpectedAdditional(Measures, [new(2, StayBuckets.Of(40), 2)], 3, 0));
        Assert.Equal(0m, ForecastCalculator.ExpectedAdditional(Measures, [new(2, 0, 2)], 3, 0));
    }

    [Theory]
    [InlineData(6, 3, 1.2, 2)]
    [InlineData(4, 3, 1.2, 0)]
    [InlineData(5, 3, 2.0, 0)]
    [InlineData(10, 0, 0.1, 10)]
    public void The_gap_is_whole_projects_still_needed(decimal target, decimal counted, decimal expected, int gap) =>
        Assert.Equal(gap, ForecastCalculator.Gap(target, counted, expected));

    [Theory]
    [InlineData(0, 0, "0")]
    [InlineData(1, 1, "1")]
    [InlineData(2, 2, "2–3")]
    [InlineData(30, 5, "15–30")]
    [InlineData(731, 11, "731+")]
    [InlineData(5000, 11, "731+")]
    public void Stay_buckets_hold_whole_days(long days, int bucket, string label)
    {
        Assert.Equal(bucket, StayBuckets.Of(days));
        Assert.Equal(label, StayBuckets.Label(bucket));
    }

    [Fact]
    public void Percentiles_are_the_bucket_holding_the_nearest_rank()
    {
        var counts = new Dictionary<int, long> { [2] = 3, [5] = 1, [9] = 1 };
        Assert.Equal(2, BucketPercentile.Of(counts, 0.5m)); // rank 3 of 5
        Assert.Equal(9, BucketPercentile.Of(counts, 0.9m)); // rank 5 of 5
        Assert.Null(BucketPercentile.Of(new Dictionary<int, long>(), 0.5m));
    }
}
