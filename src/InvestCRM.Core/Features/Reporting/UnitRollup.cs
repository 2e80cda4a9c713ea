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
/// combine two kinds of unit still read the summary table. Kept by the summary's writer in the same transaction,
/// rebuilt and verified from the summary table by one SQL statement each.
/// </summary>
public sealed class UnitRollup(string summary, string rollup, string[] grain, (RollupUnit Kind, string Column)[] units, string[] measures)
{
    public const string UnitKindColumn = "UnitKind";
    public const string UnitIdColumn = "UnitId";

    public string RollupTable => rollup;

    /// <summary>
    /// The one kind of unit a filter names, with its ids: the roll-up rows that answer it. (All, null) when it names
    /// none; null when it names two kinds or more (only the summary rows hold those combinations).
    /// </summary>
    public static (RollupUnit Kind, IReadOnlyList<int>? Ids)? SingleUnit(IReadOnlyList<int>? parks, int? chain, int? team, int? incubator)
    {
        var named = new List<(RollupUnit, IReadOnlyList<int>?)>();
        if (parks is { Count: > 0 }) named.Add((RollupUnit.Park, parks));
        if (chain is { } c) named.Add((RollupUnit.Chain, [c]));
        if (team is { } t) named.Add((RollupUnit.Team, [t]));
        if (incubator is { } i) named.Add((RollupUnit.Incubator, [i]));
        return named.Count switch
        {
            0 => (RollupUnit.All, null),
            1 => named[0],
            _ => null,
        };
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
        var key = string.Join(", ", grain.Append(UnitKindColumn).Append(UnitIdColumn).Select(Q));
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
        foreach (var line in lines)
        {
            yield return ([.. line.Grain, (long)RollupUnit.All, 0], line.Measures);
            for (var i = 0; i < units.Length; i++)
            {
                yield return ([.. line.Grain, (long)units[i].Kind, line.Units[i]], line.Measures);
            }
        }
    }

    private static long[] Add(long[] a, long[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private string Columns => string.Join(", ", grain.Append(UnitKindColumn).Append(UnitIdColumn).Concat(measures).Select(Q));

    /// <summary>The summary table's sums per grain for the whole plan and for each unit of each kind; zero sums left out.</summary>
    private string ExpectedSql
    {
        get
        {
            var keys = string.Join(", ", grain.Select(Q));
            var sums = string.Join(", ", measures.Select(m => $"SUM({Q(m)}) AS {Q(m)}"));
            var having = NonZero(measures.Select(m => $"SUM({Q(m)})"));
            var parts = units.Select(u => $"SELECT {keys}, {(int)u.Kind} AS {Q(UnitKindColumn)}, {Q(u.Column)} AS {Q(UnitIdColumn)}, {sums} FROM {Q(summary)} GROUP BY {keys}, {Q(u.Column)} HAVING {having}")
                .Prepend($"SELECT {keys}, {(int)RollupUnit.All} AS {Q(UnitKindColumn)}, 0 AS {Q(UnitIdColumn)}, {sums} FROM {Q(summary)} GROUP BY {keys} HAVING {having}");
            return string.Join(" UNION ALL ", parts);
        }
    }

    private static string NonZero(IEnumerable<string> values) => "(" + string.Join(" OR ", values.Select(v => $"{v} <> 0")) + ")";

    private string UpsertSql(int rows)
    {
        var width = grain.Length + 2 + measures.Length;
        var tuples = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(r * width, width).Select(i => $"{{{i}}}")) + ")");
        var key = string.Join(", ", grain.Append(UnitKindColumn).Append(UnitIdColumn).Select(Q));
        var updates = string.Join(", ", measures.Select(m => $"{Q(m)} = {Q(rollup)}.{Q(m)} + excluded.{Q(m)}"));
        return $"INSERT INTO {Q(rollup)} ({Columns}) VALUES {string.Join(", ", tuples)} ON CONFLICT ({key}) DO UPDATE SET {updates}";
    }

    private static string Q(string name) => $"\"{name}\"";
}
