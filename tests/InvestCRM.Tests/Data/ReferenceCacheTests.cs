using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Stages;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InvestCRM.Tests.Data;

public sealed class ReferenceCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keeps_what_it_loaded_until_invalidated()
    {
        var cache = new ReferenceCache(enabled: true);
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        var first = await cache.GetAsync("k", Load, Ct);
        var second = await cache.GetAsync("k", Load, Ct);
        cache.Invalidate();
        var third = await cache.GetAsync("k", Load, Ct);

        Assert.Equal((1, 1, 2), (first, second, third));
    }

    [Fact]
    public async Task Keeps_nothing_longer_than_its_maximum_age()
    {
        var clock = new SteppedClock();
        var cache = new ReferenceCache(enabled: true, clock);
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        await cache.GetAsync("k", Load, Ct);
        clock.Advance(ReferenceCache.MaxAge - TimeSpan.FromSeconds(1));
        var young = await cache.GetAsync("k", Load, Ct);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((1, 2), (young, await cache.GetAsync("k", Load, Ct)));
    }

    [Fact]
    public async Task A_cache_that_cannot_hear_every_change_reads_every_time()
    {
        var cache = new ReferenceCache(enabled: false);
        var loads = 0;
        Task<int> Load(CancellationToken _) => Task.FromResult(++loads);

        await cache.GetAsync("k", Load, Ct);

        Assert.Equal(2, await cache.GetAsync("k", Load, Ct));
    }

    [Fact]
    public async Task A_value_loaded_while_an_invalidation_came_is_not_kept()
    {
        var cache = new ReferenceCache(enabled: true);
        var loads = 0;

        // The load read the rows before a change committed; the invalidation came before it finished.
        await cache.GetAsync("k", _ =>
        {
            cache.Invalidate();
            return Task.FromResult(++loads);
        }, Ct);

        Assert.Equal(2, await cache.GetAsync("k", _ => Task.FromResult(++loads), Ct));
    }
}

/// <summary>A clock whose timestamps move only when told.</summary>
internal sealed class SteppedClock : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}

/// <summary>The report options and stage list kept in the cache, against saves through CrmDbContext on both databases.</summary>
public abstract class ReferenceCacheDatabaseTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _parkId;

    protected abstract DatabaseProvider Provider { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ReferenceCache Cache { get; } = new(enabled: true);

    protected TestDatabase Database => _database;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        await using var db = _database.CreateContext();
        await DatabaseSetup.MigrateAsync(db, Ct);
        await DefaultStages.EnsureAsync(db, Ct);
        var plan = new Plan { Name = "缓存规划", StartYear = 2025, EndYear = 2029 };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(Ct);
        var park = new Park { PlanId = plan.Id, Name = "一号园" };
        db.AddRange(park,
            new OffshoreIncubator { PlanId = plan.Id, Name = "北京孵化器", City = "北京" },
            new OffshoreIncubator { PlanId = plan.Id, Name = "深圳孵化器", City = "深圳" });
        await db.SaveChangesAsync(Ct);
        _parkId = park.Id;
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    protected CrmDbContext Context(ReferenceCache cache, CurrentUser? user = null) =>
        CrmDbContextFactory.Create(Database.Options, Path.GetTempPath(), user is null ? null : new Fixed(user), cache);

    protected static async Task<List<string>> ParksAsync(CrmDbContext db, ReferenceCache cache) =>
        (await new ReportOptionsQuery(db, cache).ForAsync(new ReportFilter(), Ct))!.Parks.Select(p => p.Zh).ToList();

    protected async Task RenameParkAsync(CrmDbContext db, string name)
    {
        var park = await db.Parks.SingleAsync(p => p.Id == _parkId, Ct);
        park.Name = name;
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Options_are_read_once_and_again_after_a_saved_change()
    {
        await using var db = Context(Cache);
        var first = await new ReportOptionsQuery(db, Cache).ForAsync(new ReportFilter(), Ct);

        Assert.Same(first, await new ReportOptionsQuery(db, Cache).ForAsync(new ReportFilter(), Ct));
        await RenameParkAsync(db, "一号园（新区）");

        Assert.Equal(["一号园（新区）"], await ParksAsync(db, Cache));
    }

    [Fact]
    public async Task A_change_reaches_the_cache_when_its_transaction_commits()
    {
        await using var db = Context(Cache);
        await using var reader = Context(Cache);
        Assert.Equal(["一号园"], await ParksAsync(reader, Cache));

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await RenameParkAsync(db, "二号园");
            // Not committed: other sessions still read the old name, and so may the cache.
            Assert.Equal(["一号园"], await ParksAsync(reader, Cache));
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(["二号园"], await ParksAsync(reader, Cache));
    }

    [Fact]
    public async Task A_transaction_reads_its_own_uncommitted_changes_and_they_are_not_kept()
    {
        await using var db = Context(Cache);
        Assert.Equal(["一号园"], await ParksAsync(db, Cache));

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await RenameParkAsync(db, "未提交");
            Assert.Equal(["未提交"], await ParksAsync(db, Cache));
            await transaction.RollbackAsync(Ct);
        }

        // Rolled back: the cache still holds, or reads again, the committed name.
        await using var other = Context(Cache);
        Assert.Equal(["一号园"], await ParksAsync(other, Cache));
    }

    [Fact]
    public async Task A_partner_gets_only_its_own_incubator_though_staff_options_are_kept()
    {
        await using var staffDb = Context(Cache, new CurrentUser("s", "staff", new HashSet<string> { Roles.Staff }, null, null));
        var staff = await new ReportOptionsQuery(staffDb, Cache).ForAsync(new ReportFilter(), Ct);
        var beijing = staff!.Incubators.Single(i => i.Zh == "北京孵化器");
        await using var partnerDb = Context(Cache, new CurrentUser("p", "partner", new HashSet<string> { Roles.Partner }, null, int.Parse(beijing.Id)));

        var partner = await new ReportOptionsQuery(partnerDb, Cache).ForAsync(new ReportFilter(), Ct);

        Assert.Equal(2, staff.Incubators.Count);
        Assert.Equal(["北京孵化器"], partner!.Incubators.Select(i => i.Zh));
    }

    [Fact]
    public async Task A_renamed_stage_shows_in_the_kept_stage_list()
    {
        await using var db = Context(Cache);
        var before = await Cache.StagesAsync(db, Ct);
        var lead = await db.Stages.SingleAsync(s => s.Code == "lead", Ct);

        lead.NameZh = "初步线索";
        await db.SaveChangesAsync(Ct);

        Assert.Equal("线索", before.Single(s => s.Code == "lead").NameZh); // what was handed out is not changed under its reader
        Assert.Equal("初步线索", (await Cache.StagesAsync(db, Ct)).Single(s => s.Code == "lead").NameZh);
    }

    /// <summary>
    /// The bell's count: kept per user until a notice is saved through CrmDbContext (a row written past it, by hand-written
    /// SQL here, is not heard until then), and read again after the user opens their notices.
    /// </summary>
    [Fact]
    public async Task A_users_unread_count_is_kept_until_a_notice_is_saved()
    {
        var (reader, other) = (await UserAsync("bell-reader"), await UserAsync("bell-other"));
        var unread = Unread(Cache);
        await AddNoticeAsync(reader);
        Assert.Equal((1, 0), (await unread.CountAsync(reader, Ct), await unread.CountAsync(other, Ct)));

        await CopyNoticesUnheardAsync(reader);

        Assert.Equal(1, await unread.CountAsync(reader, Ct));
        await AddNoticeAsync(reader);
        Assert.Equal((3, 0), (await unread.CountAsync(reader, Ct), await unread.CountAsync(other, Ct)));

        await using (var db = Context(Cache, reader))
        {
            await new NotificationInbox(db, TimeProvider.System).MarkReadAsync(null, Ct);
        }

        Assert.Equal(0, await unread.CountAsync(reader, Ct));
        Assert.Equal(0, await unread.CountAsync(CurrentUser.System, Ct));
    }

    protected UnreadNotices Unread(ReferenceCache cache)
    {
        var services = new ServiceCollection().AddScoped(_ => Context(cache)).BuildServiceProvider();
        return new UnreadNotices(cache, services.GetRequiredService<IServiceScopeFactory>());
    }

    protected async Task<CurrentUser> UserAsync(string id)
    {
        await using var db = Context(Cache);
        db.Users.Add(new ApplicationUser { Id = id, UserName = id + "@test", DisplayName = id });
        await db.SaveChangesAsync(Ct);
        return new CurrentUser(id, id, new HashSet<string> { Roles.Staff }, null, null);
    }

    protected async Task AddNoticeAsync(CurrentUser user)
    {
        await using var db = Context(Cache);
        db.Notifications.Add(new Notification { UserId = user.UserId!, MessageKey = "Notice.PartnerUpdate", Link = "/", CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>Doubles the user's notices with hand-written SQL, which no cache hears.</summary>
    protected async Task CopyNoticesUnheardAsync(CurrentUser user)
    {
        await using var db = Context(Cache);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Notifications" ("UserId", "MessageKey", "Link", "CreatedAt")
            SELECT "UserId", "MessageKey", "Link", "CreatedAt" FROM "Notifications" WHERE "UserId" = {user.UserId}
            """, Ct);
    }

    private sealed class Fixed(CurrentUser user) : ICurrentUserAccessor
    {
        public CurrentUser Current => user;
    }

    public sealed class Sqlite : ReferenceCacheDatabaseTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class Postgres : ReferenceCacheDatabaseTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

        /// <summary>Two app instances on one PostgreSQL: a save on one reaches the other's cache through its listener.</summary>
        [Fact]
        public async Task Another_instances_save_reaches_this_instances_cache()
        {
            var other = new ReferenceCache();
            using var listener = new ReferenceChangeListener(other, Options.Create(Database.Options), NullLogger<ReferenceChangeListener>.Instance);
            await listener.StartAsync(Ct);
            await WaitUntilAsync(() => other.Enabled);
            await using var otherDb = Context(other);
            var kept = await new ReportOptionsQuery(otherDb, other).ForAsync(new ReportFilter(), Ct);
            Assert.Same(kept, await new ReportOptionsQuery(otherDb, other).ForAsync(new ReportFilter(), Ct));

            await using (var db = Context(Cache))
            {
                await RenameParkAsync(db, "三号园");
            }

            await WaitUntilAsync(async () => (await ParksAsync(otherDb, other)).SequenceEqual(["三号园"]));
            await listener.StopAsync(Ct);
            Assert.False(other.Enabled); // stopped listening: it keeps nothing more
        }

        [Fact]
        public async Task A_notice_saved_on_another_instance_reaches_this_instances_bell()
        {
            var reader = await UserAsync("bell-elsewhere");
            await AddNoticeAsync(reader); // before the other instance listens: no notification of it comes later
            var other = new ReferenceCache();
            using var listener = new ReferenceChangeListener(other, Options.Create(Database.Options), NullLogger<ReferenceChangeListener>.Instance);
            await listener.StartAsync(Ct);
            await WaitUntilAsync(() => other.Enabled);
            var unread = Unread(other);
            Assert.Equal(1, await unread.CountAsync(reader, Ct));
            await CopyNoticesUnheardAsync(reader);
            Assert.Equal(1, await unread.CountAsync(reader, Ct)); // kept by the other instance

            await AddNoticeAsync(reader);

            await WaitUntilAsync(async () => await unread.CountAsync(reader, Ct) == 3);
            await listener.StopAsync(Ct);
        }

        private static async Task WaitUntilAsync(Func<Task<bool>> condition)
        {
            for (var waited = 0; !await condition(); waited += 50)
            {
                Assert.True(waited < 10_000, "not within 10 s");
                await Task.Delay(50, Ct);
            }
        }

        private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));
    }
}
