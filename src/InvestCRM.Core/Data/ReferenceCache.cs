using System.Collections.Concurrent;
using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InvestCRM.Data;

/// <summary>
/// Marks the tables whose reads many requests repeat and which are saved far less often than they are read: the small,
/// rarely edited tables every report view reads (plans, their targets, parks, chains and their nodes, teams, incubators,
/// stages), and the notices every page's bell counts. What is read from them may be kept in the <see cref="ReferenceCache"/>, and
/// saving one of them invalidates it.
/// </summary>
public interface IReferenceData;

/// <summary>
/// What report views and the bell read from the <see cref="IReferenceData"/> tables, kept between requests. Exact, not
/// "fresh enough": a save that changes one of those tables invalidates the whole cache once its transaction commits, on
/// this instance at once (CrmDbContext) and, on PostgreSQL, on every instance through a NOTIFY sent in that transaction
/// (<see cref="ReferenceChangeListener"/>). A cache that cannot hear every change does not keep anything: on SQLite the
/// app is one process and hears its own saves; on PostgreSQL it keeps values only while its listener is connected.
/// Writes that bypass CrmDbContext's SaveChanges (hand-written SQL) are not heard; nothing is kept longer than
/// <see cref="MaxAge"/>, so they show within minutes (at once after "NOTIFY investcrm_reference" on PostgreSQL).
/// </summary>
public sealed class ReferenceCache
{
    /// <summary>The PostgreSQL channel the saves notify and the listeners listen on.</summary>
    public const string Channel = "investcrm_reference";

    /// <summary>How long a value is kept at most: the bound on the staleness of writes the cache cannot hear.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<object, Entry> _entries = new();
    private readonly TimeProvider _clock;
    private long _generation;
    private volatile bool _enabled;

    /// <param name="enabled">Whether this cache hears every change from the start (SQLite's one process).</param>
    /// <param name="clock">The clock that ages what is kept; the system's by default.</param>
    public ReferenceCache(bool enabled = false, TimeProvider? clock = null) => (_enabled, _clock) = (enabled, clock ?? TimeProvider.System);

    public bool Enabled => _enabled;

    /// <summary>
    /// The value kept under the key, else the loaded one, kept unless an invalidation came while it loaded (the load may
    /// then have read the rows from before the change). Values are shared between requests and must not be changed.
    /// </summary>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken ct = default)
    {
        var generation = Interlocked.Read(ref _generation);
        var now = _clock.GetTimestamp();
        if (_entries.TryGetValue(key, out var kept) && kept.Generation == generation && _clock.GetElapsedTime(kept.LoadedAt, now) < MaxAge)
        {
            return (T)kept.Value!;
        }

        var value = await load(ct);
        if (_enabled && Interlocked.Read(ref _generation) == generation)
        {
            _entries[key] = new Entry(generation, value, now);
        }

        return value;
    }

    /// <summary>
    /// The same (above) for a read through <paramref name="db"/>, which goes to the database whenever the context's
    /// transaction has saved reference rows not yet committed: it must see its own changes, and they must not be kept
    /// before they commit (they may yet be rolled back).
    /// </summary>
    public Task<T> GetAsync<T>(CrmDbContext db, object key, Func<CancellationToken, Task<T>> load, CancellationToken ct = default) =>
        db.HasUncommittedReferenceChanges ? load(ct) : GetAsync(key, load, ct);

    /// <summary>Forgets everything kept: a reference table changed (or may have, unheard).</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>Starts or stops keeping values; either way what is kept now is forgotten, as changes may have gone unheard.</summary>
    internal void SetEnabled(bool enabled)
    {
        _enabled = enabled;
        Invalidate();
    }

    /// <summary>
    /// What a user's access scope changes in reads of the reference tables, for the keys of values read through it: a
    /// partner sees only its own incubator; everyone else sees the same.
    /// </summary>
    public static (bool Partner, int? IncubatorId) ScopeOf(CurrentUser user) => user.IsPartner ? (true, user.IncubatorId) : (false, null);

    /// <summary>Whether the tracked changes add, edit or delete a row of a reference table.</summary>
    internal static bool Touches(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.Entity is IReferenceData && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private sealed record Entry(long Generation, object? Value, long LoadedAt);
}
