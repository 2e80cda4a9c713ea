using System.Linq.Expressions;
using InvestCRM.Data;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Ledger;

/// <summary>
/// The landings a report looks at: one counting stage, a range of days and any combination of units. Each counted
/// project is taken once, whole, with its own (primary) units, so that any combination of filters adds up; the
/// completion of a unit's target, which applies shared and double credit, is <see cref="LedgerScope"/>'s job.
/// </summary>
public sealed record LedgerSlice(int StageId, DateRange Range, IReadOnlyList<int> ParkIds, int? ChainId = null, int? TeamId = null, int? IncubatorId = null)
{
    /// <summary>
    /// The same slice narrowed to one month (yyyyMM, China time), for a month's drill-down: the month's days within the
    /// range. Null when <paramref name="month"/> is no month or has no day in the range.
    /// </summary>
    public LedgerSlice? InMonth(int month)
    {
        if (month / 100 is < 2000 or > 2100 || month % 100 is < 1 or > 12)
        {
            return null;
        }

        var first = new DateOnly(month / 100, month % 100, 1);
        var from = first > Range.From ? first : Range.From;
        var to = first.AddMonths(1) < Range.To ? first.AddMonths(1) : Range.To;
        return from < to ? this with { Range = new DateRange(from, to) } : null;
    }
}

/// <summary>What a slice's totals are grouped by.</summary>
public enum SliceKey
{
    None,
    Month,
    Team,
    Incubator,
}

/// <summary>Counted projects and investment of one group of a slice (a month, a team, an incubator; 0 = none).</summary>
public sealed record SliceTotals(int Key, decimal Projects, decimal InvestmentWan);

/// <summary>
/// Reads slices from the roll-ups or the summaries for whole months and from the ledger for the days of partial months.
/// </summary>
public sealed class LedgerSliceQueries(CrmDbContext db)
{
    public Task<IReadOnlyList<SliceTotals>> GroupedAsync(LedgerSlice slice, SliceKey key, CancellationToken ct = default) =>
        GroupedAsync(slice, key, rollups: true, ct);

    /// <summary>The same from the summary rows alone: the reference the roll-up path is tested against.</summary>
    internal Task<IReadOnlyList<SliceTotals>> GroupedFromSummariesAsync(LedgerSlice slice, SliceKey key, CancellationToken ct = default) =>
        GroupedAsync(slice, key, rollups: false, ct);

    private async Task<IReadOnlyList<SliceTotals>> GroupedAsync(LedgerSlice slice, SliceKey key, bool rollups, CancellationToken ct)
    {
        var (first, last) = LedgerQueries.WholeMonths(slice.Range);
        var stored = rollups && RollupFor(slice, key) is { } read
            ? await Sums(Rollups(slice.StageId, read).Where(r => r.Month >= first && r.Month <= last), RollupKey(key, read), ct)
            : await Sums(Narrow(db.LedgerSummaries.AsNoTracking(), slice).Where(s => s.Month >= first && s.Month <= last), SummaryKey(key), ct);
        // Only custom periods have partial months: whole months need neither the ledger nor compiling the filter for memory.
        if (!slice.Range.IsWholeMonths)
        {
            var edgeKey = SummaryKey(key).Compile();
            stored.AddRange(Narrow((await EdgeLinesAsync(slice, first, last, ct)).AsQueryable(), slice)
                .AsEnumerable().Select(l => (edgeKey(l), l.Projects, l.InvestmentWan)));
        }

        return stored
            .GroupBy(r => r.Key)
            .Select(g => new SliceTotals(g.Key, g.Sum(r => r.Projects) / (decimal)LedgerSummary.Scale, g.Sum(r => r.InvestmentWan) / (decimal)LedgerSummary.Scale))
            .Where(t => t.Projects != 0 || t.InvestmentWan != 0)
            .ToList();
    }

    private static async Task<List<(int Key, long Projects, long InvestmentWan)>> Sums<T>(IQueryable<T> rows, Expression<Func<T, int>> key, CancellationToken ct)
        where T : LedgerMeasures =>
        (await rows.GroupBy(key).Select(g => new { g.Key, Projects = g.Sum(s => s.Projects), Investment = g.Sum(s => s.InvestmentWan) }).ToListAsync(ct))
            .Select(r => (r.Key, r.Projects, r.Investment)).ToList();

    /// <summary>
    /// The roll-up rows that hold a slice's groups already added up: the kinds of unit the slice names, plus the kind it
    /// groups by (all its units) when that is another. None: the whole plan's rows; one: that kind's single rows of the
    /// chosen units; two: the pair rows (a base's teams). Null for three or more (the summary rows themselves).
    /// </summary>
    private static RollupRead? RollupFor(LedgerSlice slice, SliceKey key)
    {
        var grouped = key switch { SliceKey.Team => RollupUnit.Team, SliceKey.Incubator => RollupUnit.Incubator, _ => RollupUnit.All };
        var named = UnitRollup.Named(slice.ParkIds, slice.ChainId, slice.TeamId, slice.IncubatorId);
        if (grouped != RollupUnit.All && named.All(n => n.Kind != grouped))
        {
            named.Add((grouped, null));
        }

        var ordered = named.OrderBy(n => n.Kind).ToList();
        return ordered.Count switch
        {
            0 => new RollupRead(RollupUnit.All, null, RollupUnit.All, null, false),
            1 => new RollupRead(ordered[0].Kind, ordered[0].Ids, RollupUnit.All, null, false),
            2 => new RollupRead(ordered[0].Kind, ordered[0].Ids, ordered[1].Kind, ordered[1].Ids, grouped == ordered[1].Kind),
            _ => null,
        };
    }

    /// <summary>Which roll-up rows to read (a kind or a pair of kinds, with the chosen units) and whether the group is the second unit.</summary>
    private sealed record RollupRead(RollupUnit Kind, IReadOnlyList<int>? Ids, RollupUnit Kind2, IReadOnlyList<int>? Ids2, bool GroupBySecond);

    private IQueryable<LedgerRollup> Rollups(int stageId, RollupRead read)
    {
        var (kind, kind2, ids, ids2) = (read.Kind, read.Kind2, read.Ids, read.Ids2);
        var rows = db.LedgerRollups.AsNoTracking()
            .Where(r => r.StageId == stageId && r.Role == CreditRole.Primary && r.UnitKind == kind && r.UnitKind2 == kind2);
        rows = ids is null ? rows : rows.Where(r => ids.Contains(r.UnitId));
        return ids2 is null ? rows : rows.Where(r => ids2.Contains(r.UnitId2));
    }

    private static Expression<Func<LedgerSummary, int>> SummaryKey(SliceKey key) => key switch
    {
        SliceKey.Month => s => s.Month,
        SliceKey.Team => s => s.TeamId,
        SliceKey.Incubator => s => s.IncubatorId,
        _ => s => 0,
    };

    private static Expression<Func<LedgerRollup, int>> RollupKey(SliceKey key, RollupRead read) => key switch
    {
        SliceKey.Month => r => r.Month,
        SliceKey.Team or SliceKey.Incubator => read.GroupBySecond ? r => r.UnitId2 : r => r.UnitId,
        _ => r => 0,
    };

    /// <summary>The slice's totals as one row (zero when nothing was counted).</summary>
    public async Task<SliceTotals> TotalsAsync(LedgerSlice slice, CancellationToken ct = default) =>
        (await GroupedAsync(slice, SliceKey.None, ct)).SingleOrDefault() ?? new SliceTotals(0, 0, 0);

    /// <summary>The counted projects of a slice, newest first; reversed entries are listed (flagged) but not summed.</summary>
    public async Task<(IReadOnlyList<LedgerRow> Rows, int Total)> EntriesAsync(LedgerSlice slice, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var query = Entries(slice);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(e => e.CountedAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new LedgerRow(e.Id, e.ProjectId, p.Title, e.CountedAt, e.IsExpansion,
                e.InvestmentWan, e.OutputValueWan, e.TaxWan, e.LandMu, 1m, e.ReversedAt, e.ReversedReason))
            .ToListAsync(ct);
        return (rows, total);
    }

    private IQueryable<LedgerEntry> Entries(LedgerSlice slice)
    {
        var (start, end, parks) = (slice.Range.Start, slice.Range.End, slice.ParkIds);
        var query = db.LedgerEntries.AsNoTracking().Where(e => e.StageId == slice.StageId && e.CountedAt >= start && e.CountedAt < end);
        query = parks.Count == 0 ? query : query.Where(e => parks.Contains(e.ParkId ?? 0));
        query = slice.ChainId is { } chain ? query.Where(e => e.ChainId == chain) : query;
        query = slice.TeamId is { } team ? query.Where(e => e.TeamId == team) : query;
        return slice.IncubatorId is { } incubator ? query.Where(e => e.IncubatorId == incubator) : query;
    }

    /// <summary>One filter for summary rows and for lines computed from edge entries, so both count alike.</summary>
    private static IQueryable<LedgerSummary> Narrow(IQueryable<LedgerSummary> rows, LedgerSlice slice)
    {
        var parks = slice.ParkIds;
        rows = rows.Where(s => s.StageId == slice.StageId && s.Role == CreditRole.Primary);
        rows = parks.Count == 0 ? rows : rows.Where(s => parks.Contains(s.ParkId));
        rows = slice.ChainId is { } chain ? rows.Where(s => s.ChainId == chain) : rows;
        rows = slice.TeamId is { } team ? rows.Where(s => s.TeamId == team) : rows;
        return slice.IncubatorId is { } incubator ? rows.Where(s => s.IncubatorId == incubator) : rows;
    }

    /// <summary>Lines of the entries counted, and not reversed, in the partial months at either end of the range.</summary>
    private async Task<List<LedgerSummary>> EdgeLinesAsync(LedgerSlice slice, int firstMonth, int lastMonth, CancellationToken ct)
    {
        var whole = firstMonth <= lastMonth;
        var inner = whole ? new DateTimeOffset(firstMonth / 100, firstMonth % 100, 1, 0, 0, 0, LedgerLine.ChinaOffset).ToUniversalTime() : slice.Range.End;
        var innerEnd = whole ? new DateTimeOffset(lastMonth / 100, lastMonth % 100, 1, 0, 0, 0, LedgerLine.ChinaOffset).AddMonths(1).ToUniversalTime() : slice.Range.End;
        var entries = await Entries(slice).Where(e => e.ReversedAt == null && (e.CountedAt < inner || e.CountedAt >= innerEnd)).ToListAsync(ct);
        return entries.SelectMany(e => LedgerLine.Lines(e, +1)).ToList();
    }
}
