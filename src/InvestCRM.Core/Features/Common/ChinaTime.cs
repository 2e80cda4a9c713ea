namespace InvestCRM.Features.Common;

/// <summary>
/// The park's clock: "today", follow-up dates, form inputs and displayed times are China Standard Time whatever
/// the server's zone (servers often run in UTC, which would move every date before 08:00 to the day before).
/// China has kept UTC+8 without daylight saving since 1991, so a fixed zone is exact and needs no tz database.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static readonly TimeZoneInfo Zone =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", Offset, "China Standard Time", "China Standard Time");

    /// <summary>The clock's instant in China time, whatever zone the clock calls local (tests and tools may pass the system's).</summary>
    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary>Today in China.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The system clock, read in China time.</summary>
    public static readonly TimeProvider Clock = new ChinaClock();

    private sealed class ChinaClock : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => Zone;
    }
}
