using System.Linq.Expressions;
using InvestCRM.Data;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Ledger;

public sealed record MonthTotals(int Month, decimal Projects, decimal InvestmentWan);

public sealed record LedgerRow(long Id, int ProjectId, string ProjectTitle, DateTimeOffset CountedAt, bool IsExpansion,
    decimal InvestmentWan, decimal OutputValueWan, decimal TaxWan, decimal LandMu, decimal Weight, DateTimeOffset? ReversedAt, string? ReversedReason);

/// <summary>
/// Reads the figures. Whole months come from the summaries; the days of a partial first or last month
/// come from the ledger itself, through the same filter, so both paths count the same way.
/// </summary>
public sealed partial class LedgerQueries(CrmDbContext db)
{
    /// <summary>One scope's totals, from the roll-ups (see <see cref="TotalsManyAsync"/>).</summary>
    public async Task<LedgerTotals> TotalsAsync(LedgerScope scope, CancellationToken ct = default) =>
        (await TotalsManyAsync([scope], ct))[0];

    /// <summary>
    /// One scope's totals filtered out of the summary rows themselves: the reference the roll-up path is tested against.
    /// </summary>
    internal async Task<LedgerTotals> TotalsFromSummariesAsync(LedgerScope scope, CancellationToken ct = default)
    {
        var (firstMonth, lastMonth) = WholeMonths(scope.Range);
        var filter = Filter(scope);
        var rows = await db.LedgerSummaries.AsNoTracking()
            .Where(s => s.StageId == scope.StageId && s.Month >= firstMonth && s.Month <= lastMonth)
            .Where(filter)
            .GroupBy(s => new { s.Role, s.SplitScope })
            .Select(g => new Part(g.Key.Role, g.Key.SplitScope, new[]
            {
                g.Sum(s => s.Projects), g.Sum(s => s.Enterprises), g.Sum(s => s.Incubated), g.Sum(s => s.InvestmentWan),
                g.Sum(s => s.OutputValueWan), g.Sum(s => s.TaxWan), g.Sum(s => s.LandMu),
                g.Sum(s => s.SharedProjects), g.Sum(s => s.SharedEnterprises), g.Sum(s => s.SharedIncubated), g.Sum(s => s.SharedInvestmentWan),
                g.Sum(s => s.SharedOutputValueWan), g.Sum(s => s.SharedTaxWan), g.Sum(s => s.SharedLandMu),
            }))
            .ToListAsync(ct);

        // A range of whole months (every plan-year target) has no partial months: no second round trip.
        var edges = scope.Range.IsWholeMonths ? [] : await EdgeLinesAsync(scope, firstMonth, lastMonth, ct);
        rows.AddRange(edges.AsQueryable().Where(filter).Select(l => new Part(l.Role, l.SplitScope, l.Measures())));
        return Combine(scope, rows);
    }

    /// <summary>Landings per month (yyyyMM) of the whole plan at one stage: projects counted and investment.</summary>
    public async Task<IReadOnlyList<MonthTotals>> MonthlyAsync(int stageId, int fromMonth, int toMonth, CancellationToken ct = default)
    {
        var rows = await db.LedgerRollups.AsNoTracking()
            .Where(s => s.StageId == stageId && s.UnitKind == RollupUnit.All && s.UnitKind2 == RollupUnit.All && s.Role == CreditRole.Primary && s.Month >= fromMonth && s.Month <= toMonth)
            .GroupBy(s => s.Month)
            .Select(g => new { Month = g.Key, Projects = g.Sum(s => s.Projects), Investment = g.Sum(s => s.InvestmentWan) })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Month)
            .Select(r => new MonthTotals(r.Month, r.Projects / (decimal)LedgerSummary.Scale, r.Investment / (decimal)LedgerSummary.Scale))
            .ToList();
    }

    /// <summary>The counted projects behind a figure, newest first, with the weight each carries in it.</summary>
    public async Task<(IReadOnlyList<LedgerRow> Rows, int Total)> EntriesAsync(LedgerScope scope, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var query = EntryQuery(scope);
        var total = await query.CountAsync(ct);
        var entries = await query
            .OrderByDescending(e => e.CountedAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new { e, p.Title })
            .ToListAsync(ct);
        var rows = entries.Select(x => new LedgerRow(x.e.Id, x.e.ProjectId, x.Title, x.e.CountedAt, x.e.IsExpansion,
            x.e.InvestmentWan, x.e.OutputValueWan, x.e.TaxWan, x.e.LandMu, WeightIn(scope, x.e), x.e.ReversedAt, x.e.ReversedReason)).ToList();
        return (rows, total);
    }

    public async Task<(LedgerEntry Entry, string ProjectTitle)?> EntryAsync(long id, CancellationToken ct = default)
    {
        var found = await db.LedgerEntries.AsNoTracking().Where(e => e.Id == id)
            .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new { e, p.Title })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.e, found.Title);
    }

    /// <summary>Counted, not reversed, entries of the scope's stage and days that touch the scope's units.</summary>
    private IQueryable<LedgerEntry> EntryQuery(LedgerScope scope, bool includeReversed = true)
    {
        var ids = scope.UnitIds;
        var (stage, start, end) = (scope.StageId, scope.Range.Start, scope.Range.End);
        // Constants, not parameters: PostgreSQL plans a prepared statement once for any values (a generic plan), and
        // for a range it cannot see it guessed a sliver of the entries and walked half a million of them through the
        // index (count of a whole plan's 536,823 entries: 286 ms against 73). A target's stage and days take few values.
        var query = db.LedgerEntries.AsNoTracking()
            .Where(e => e.StageId == EF.Constant(stage) && e.CountedAt >= EF.Constant(start) && e.CountedAt < EF.Constant(end));
        if (!includeReversed)
        {
            query = query.Where(e => e.ReversedAt == null);
        }

        return scope.Scope switch
        {
            TargetScope.Park => query.Where(e => ids.Contains(e.ParkId ?? 0) || (e.SecondaryScope == TargetScope.Park && ids.Contains(e.SecondaryId ?? 0))),
            TargetScope.Team => query.Where(e => ids.Contains(e.TeamId ?? 0) || (e.SecondaryScope == TargetScope.Team && ids.Contains(e.SecondaryId ?? 0))),
            TargetScope.Incubator => query.Where(e => ids.Contains(e.IncubatorId ?? 0) || (e.SecondaryScope == TargetScope.Incubator && ids.Contains(e.SecondaryId ?? 0))),
            TargetScope.Chain => query.Where(e => ids.Contains(e.ChainId ?? 0)),
            TargetScope.ChainNode => query.Where(e => ids.Contains(e.ChainNodeId ?? 0)),
            _ => query,
        };
    }

    /// <summary>Lines of the entries counted in the partial months at either end of the range.</summary>
    private async Task<List<LedgerSummary>> EdgeLinesAsync(LedgerScope scope, int firstMonth, int lastMonth, CancellationToken ct)
    {
        var inner = firstMonth > lastMonth
            ? scope.Range.End
            : new DateTimeOffset(firstMonth / 100, firstMonth % 100, 1, 0, 0, 0, LedgerLine.ChinaOffset).ToUniversalTime();
        var innerEnd = firstMonth > lastMonth
            ? scope.Range.End
            : new DateTimeOffset(lastMonth / 100, lastMonth % 100, 1, 0, 0, 0, LedgerLine.ChinaOffset).AddMonths(1).ToUniversalTime();
        var entries = await EntryQuery(scope, includeReversed: false)
            .Where(e => e.CountedAt < inner || e.CountedAt >= innerEnd)
            .ToListAsync(ct);
        return entries.SelectMany(e => LedgerLine.Lines(e, +1)).ToList();
    }

    /// <summary>One filter for summary rows and for lines computed from edge entries.</summary>
    private static Expression<Func<LedgerSummary, bool>> Filter(LedgerScope scope)
    {
        var ids = scope.UnitIds;
        return scope.Scope switch
        {
            TargetScope.Park => s => ids.Contains(s.ParkId),
            TargetScope.Team => s => ids.Contains(s.TeamId),
            TargetScope.Incubator => s => ids.Contains(s.IncubatorId),
            TargetScope.Chain => s => s.Role == CreditRole.Primary && ids.Contains(s.ChainId),
            TargetScope.ChainNode => s => s.Role == CreditRole.Primary && ids.Contains(s.ChainNodeId),
            _ => s => s.Role == CreditRole.Primary,
        };
    }

    /// <summary>
    /// <see cref="Filter"/> for rows already in memory (roll-ups, edge lines): compiling the expression for each target
    /// of a dashboard cost about a millisecond of CPU apiece. Tests hold both to the same figures for every kind of unit.
    /// </summary>
    private static bool Matches(LedgerScope scope, LedgerSummary s) => scope.Scope switch
    {
        TargetScope.Park => scope.UnitIds.Contains(s.ParkId),
        TargetScope.Team => scope.UnitIds.Contains(s.TeamId),
        TargetScope.Incubator => scope.UnitIds.Contains(s.IncubatorId),
        TargetScope.Chain => s.Role == CreditRole.Primary && scope.UnitIds.Contains(s.ChainId),
        TargetScope.ChainNode => s.Role == CreditRole.Primary && scope.UnitIds.Contains(s.ChainNodeId),
        _ => s.Role == CreditRole.Primary,
    };

    private static LedgerTotals Combine(LedgerScope scope, IEnumerable<Part> parts)
    {
        var sum = new long[7];
        foreach (var part in parts)
        {
            var offset = scope.UsesShare(part.Role, part.SplitScope) ? 7 : 0;
            for (var i = 0; i < 7; i++)
            {
                sum[i] += part.Measures[offset + i];
            }
        }

        return LedgerTotals.FromScaled(sum);
    }

    /// <summary>The share of an entry that the scope's unit is credited with (1 for whole credit).</summary>
    internal static decimal WeightIn(LedgerScope scope, LedgerEntry e) =>
        LedgerLine.Lines(e, +1).Where(l => Matches(scope, l))
            .Sum(l => scope.UsesShare(l.Role, l.SplitScope) ? l.SharedProjects / (decimal)LedgerSummary.Scale : 1m);

    /// <summary>The months entirely inside the range, as yyyyMM; an empty range gives first &gt; last.</summary>
    internal static (int First, int Last) WholeMonths(DateRange range)
    {
        var first = range.From.Day == 1 ? range.From : new DateOnly(range.From.Year, range.From.Month, 1).AddMonths(1);
        var endMonth = new DateOnly(range.To.Year, range.To.Month, 1);
        var last = endMonth.AddMonths(-1);
        return first > last ? (1, 0) : (first.Year * 100 + first.Month, last.Year * 100 + last.Month);
    }

    private sealed record Part(CreditRole Role, int SplitScope, long[] Measures);
}
