using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Reporting;

/// <summary>The one kind of unit a roll-up row is summed for; <see cref="All"/> is the whole plan (unit id 0).</summary>
public enum RollupUnit
{
    All = 0,
    Park = 1,
    Team = 2,
    Incubator = 3,
    Chain = 4,
    ChainNode = 5,
}

/// <summary>One line of a summary table as plain numbers: its grain without units, its unit ids, its measures.</summary>
public sealed record RollupSource(long[] Grain, int[] Units, long[] Measures);

/// <summary>
/// A summary table's roll-up: the same measures summed over every unit but one kind (or over all of them), one row
/// per grain, unit kind and unit. A summary row carries one combination of park × team × incubator × chain, so a view
/// with no unit filter, or with one, read the whole combination space to add it up (≈69,000 ledger and ≈650,000
/// funnel rows at a million projects, for every view); its roll-up rows hold those sums already added. Views that
/// combine two kinds of unit still read the summary table, unless the roll-up also keeps pairs: with
/// <paramref name="paired"/> &gt; 0, the first that many kinds of unit are also summed two by two (the lower kind first),
/// for views that filter by one kind and group by another (a base's top teams) or filter by two. Kept by the summary's
/// writer in the same transaction, rebuilt and verified from the summary table by one SQL statement each.
/// </summary>
public sealed class UnitRollup(string summary, string rollup, string[] grain, (RollupUnit Kind, string Column)[] units, string[] measures, int paired = 0)
{
    public const string UnitKindColumn = "UnitKind";
    public const string UnitIdColumn = "UnitId";
    public const string UnitKind2Column = "UnitKind2";
    public const string UnitId2Column = "UnitId2";

    /// <summary>
    /// The one kind of unit a filter names, with its ids: the roll-up rows that answer it. (All, null) when it names
    /// none; null when it names two kinds or more (only the summary rows, or pair rows, hold those combinations).
    /// </summary>
    public static (RollupUnit Kind, IReadOnlyList<int>? Ids)? SingleUnit(IReadOnlyList<int>? parks, int? chain, int? team, int? incubator)
    {
        var named = Named(parks, chain, team, incubator);
        return named.Count switch
        {
            0 => (RollupUnit.All, null),
            1 => named[0],
            _ => null,
        };
    }

    /// <summary>The kinds of unit a filter names, in ascending kind order, with the ids of each.</summary>
    public static List<(RollupUnit Kind, IReadOnlyList<int>? Ids)> Named(IReadOnlyList<int>? parks, int? chain, int? team, int? incubator)
    {
        var named = new List<(RollupUnit Kind, IReadOnlyList<int>? Ids)>();
        if (parks is { Count: > 0 }) named.Add((RollupUnit.Park, parks));
        if (team is { } t) named.Add((RollupUnit.Team, [t]));
        if (incubator is { } i) named.Add((RollupUnit.Incubator, [i]));
        if (chain is { } c) named.Add((RollupUnit.Chain, [c]));
        return named;
    }

    /// <summary>Adds the lines' contributions (signed deltas) with one upsert per batch of distinct rows.</summary>
    public async Task AddAsync(CrmDbContext db, IEnumerable<RollupSource> lines, CancellationToken ct)
    {
        var rows = Rows(lines).GroupBy(r => string.Join('/', r.Key))
            .Select(g => (g.First().Key, Measures: g.Select(r => r.Measures).Aggregate(Add)))
            .Where(r => r.Measures.Any(m => m != 0))
            .ToList();
        foreach (var batch in rows.Chunk(50))
        {
            var values = batch.SelectMany(r => r.Key.Concat(r.Measures)).Cast<object>().ToArray();
            await db.Database.ExecuteSqlRawAsync(UpsertSql(batch.Length), values, ct);
        }
    }

    /// <summary>Every roll-up row replaced by the sums of the summary table (the caller holds the transaction).</summary>
    public async Task RebuildAsync(CrmDbContext db, CancellationToken ct)
    {
        // Table and column names come from this class's definitions, never from input.
        var delete = $"DELETE FROM {Q(rollup)}";
        await db.Database.ExecuteSqlRawAsync(delete, ct);
        await db.Database.ExecuteSqlRawAsync(FillSql, ct);
    }

    /// <summary>Fills an empty roll-up table from the summary table (what a migration that adds one runs once).</summary>
    public string FillSql => $"INSERT INTO {Q(rollup)} ({Columns}) {ExpectedSql}";

    /// <summary>How many roll-up rows (by key) differ from the summary table's sums, missing or extra included (0 when consistent).</summary>
    public async Task<int> DifferencesAsync(CrmDbContext db, CancellationToken ct)
    {
        var stored = $"SELECT {Columns} FROM {Q(rollup)} WHERE {NonZero(measures.Select(Q))}";
        var key = string.Join(", ", KeyColumns.Select(Q));
        var sql = $"""
            SELECT COUNT(*) AS "Value" FROM (SELECT DISTINCT {key} FROM (
              SELECT * FROM (SELECT {Columns} FROM ({ExpectedSql}) e EXCEPT {stored}) a
              UNION ALL
              SELECT * FROM ({stored} EXCEPT SELECT {Columns} FROM ({ExpectedSql}) e) b
            ) d) k
            """;
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(ct);
    }

    private IEnumerable<(long[] Key, long[] Measures)> Rows(IEnumerable<RollupSource> lines)
    {
        long[] none = paired > 0 ? [(long)RollupUnit.All, 0] : [];
        foreach (var line in lines)
        {
            yield return ([.. line.Grain, (long)RollupUnit.All, 0, .. none], line.Measures);
            for (var i = 0; i < units.Length; i++)
            {
                yield return ([.. line.Grain, (long)units[i].Kind, line.Units[i], .. none], line.Measures);
            }

            foreach (var (i, j) in Pairs)
            {
                yield return ([.. line.Grain, (long)units[i].Kind, line.Units[i], (long)units[j].Kind, line.Units[j]], line.Measures);
            }
        }
    }

    /// <summary>Index pairs (i &lt; j) of the paired units; the kinds are listed in ascending order, so the lower kind comes first.</summary>
    private IEnumerable<(int, int)> Pairs =>
        from i in Enumerable.Range(0, paired) from j in Enumerable.Range(0, paired) where i < j select (i, j);

    private IEnumerable<string> KeyColumns => paired > 0
        ? grain.Append(UnitKindColumn).Append(UnitIdColumn).Append(UnitKind2Column).Append(UnitId2Column)
        : grain.Append(UnitKindColumn).Append(UnitIdColumn);

    private static long[] Add(long[] a, long[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private string Columns => string.Join(", ", KeyColumns.Concat(measures).Select(Q));

    /// <summary>The summary table's sums per grain for the whole plan and for each unit of each kind; zero sums left out.</summary>
    private string ExpectedSql
    {
        get
        {
            var keys = string.Join(", ", grain.Select(Q));
            var sums = string.Join(", ", measures.Select(m => $"SUM({Q(m)}) AS {Q(m)}"));
            var having = NonZero(measures.Select(m => $"SUM({Q(m)})"));
            var none = paired > 0 ? $", 0 AS {Q(UnitKind2Column)}, 0 AS {Q(UnitId2Column)}" : "";
            var parts = units.Select(u => $"SELECT {keys}, {(int)u.Kind} AS {Q(UnitKindColumn)}, {Q(u.Column)} AS {Q(UnitIdColumn)}{none}, {sums} FROM {Q(summary)} GROUP BY {keys}, {Q(u.Column)} HAVING {having}")
                .Prepend($"SELECT {keys}, {(int)RollupUnit.All} AS {Q(UnitKindColumn)}, 0 AS {Q(UnitIdColumn)}{none}, {sums} FROM {Q(summary)} GROUP BY {keys} HAVING {having}")
                .Concat(Pairs.Select(p => (First: units[p.Item1], Second: units[p.Item2])).Select(p =>
                    $"SELECT {keys}, {(int)p.First.Kind} AS {Q(UnitKindColumn)}, {Q(p.First.Column)} AS {Q(UnitIdColumn)}, " +
                    $"{(int)p.Second.Kind} AS {Q(UnitKind2Column)}, {Q(p.Second.Column)} AS {Q(UnitId2Column)}, {sums} FROM {Q(summary)} " +
                    $"GROUP BY {keys}, {Q(p.First.Column)}, {Q(p.Second.Column)} HAVING {having}"));
            return string.Join(" UNION ALL ", parts);
        }
    }

    private static string NonZero(IEnumerable<string> values) => "(" + string.Join(" OR ", values.Select(v => $"{v} <> 0")) + ")";

    private string UpsertSql(int rows)
    {
        var width = KeyColumns.Count() + measures.Length;
        var tuples = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(r * width, width).Select(i => $"{{{i}}}")) + ")");
        var key = string.Join(", ", KeyColumns.Select(Q));
        var updates = string.Join(", ", measures.Select(m => $"{Q(m)} = {Q(rollup)}.{Q(m)} + excluded.{Q(m)}"));
        return $"INSERT INTO {Q(rollup)} ({Columns}) VALUES {string.Join(", ", tuples)} ON CONFLICT ({key}) DO UPDATE SET {updates}";
    }

    private static string Q(string name) => $"\"{name}\"";
}
