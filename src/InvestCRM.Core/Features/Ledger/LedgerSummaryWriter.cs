using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Ledger;

/// <summary>
/// Adds summary lines with one atomic upsert each. INSERT … ON CONFLICT … DO UPDATE reads the same on
/// SQLite and PostgreSQL, and two transactions counting into the same month and unit cannot lose an update.
/// The roll-ups (<see cref="LedgerRollup"/>) are added in the same transaction.
/// </summary>
internal static class LedgerSummaryWriter
{
    private static readonly string Sql = BuildSql();

    public static async Task AddAsync(CrmDbContext db, IEnumerable<LedgerSummary> lines, CancellationToken ct)
    {
        var merged = Merge(lines).ToList();
        foreach (var line in merged)
        {
            object[] values =
            [
                line.StageId, line.Month, line.ParkId, line.TeamId, line.IncubatorId, line.ChainId, line.ChainNodeId, (int)line.Role, line.SplitScope,
                .. line.Measures().Cast<object>(),
            ];
            await db.Database.ExecuteSqlRawAsync(Sql, values, ct);
        }

        await LedgerRollup.Definition.AddAsync(db, merged.Select(LedgerRollup.Source), ct);
    }

    /// <summary>Lines of the same grain are added up first: fewer statements, same result.</summary>
    private static IEnumerable<LedgerSummary> Merge(IEnumerable<LedgerSummary> lines) =>
        lines.GroupBy(l => (l.StageId, l.Month, l.ParkId, l.TeamId, l.IncubatorId, l.ChainId, l.ChainNodeId, l.Role, l.SplitScope))
            .Select(g => g.Aggregate(Add));

    public static LedgerSummary Add(LedgerSummary a, LedgerSummary b) => new()
    {
        StageId = a.StageId, Month = a.Month, ParkId = a.ParkId, TeamId = a.TeamId, IncubatorId = a.IncubatorId,
        ChainId = a.ChainId, ChainNodeId = a.ChainNodeId, Role = a.Role, SplitScope = a.SplitScope,
        Projects = a.Projects + b.Projects, Enterprises = a.Enterprises + b.Enterprises, Incubated = a.Incubated + b.Incubated,
        InvestmentWan = a.InvestmentWan + b.InvestmentWan, OutputValueWan = a.OutputValueWan + b.OutputValueWan,
        TaxWan = a.TaxWan + b.TaxWan, LandMu = a.LandMu + b.LandMu,
        SharedProjects = a.SharedProjects + b.SharedProjects, SharedEnterprises = a.SharedEnterprises + b.SharedEnterprises,
        SharedIncubated = a.SharedIncubated + b.SharedIncubated, SharedInvestmentWan = a.SharedInvestmentWan + b.SharedInvestmentWan,
        SharedOutputValueWan = a.SharedOutputValueWan + b.SharedOutputValueWan, SharedTaxWan = a.SharedTaxWan + b.SharedTaxWan,
        SharedLandMu = a.SharedLandMu + b.SharedLandMu,
    };

    private static string BuildSql()
    {
        var columns = LedgerSummary.GrainColumns.Concat(LedgerSummary.MeasureColumns).ToArray();
        var names = string.Join(", ", columns.Select(Quote));
        var parameters = string.Join(", ", columns.Select((_, i) => $"{{{i}}}"));
        var grain = string.Join(", ", LedgerSummary.GrainColumns.Select(Quote));
        var updates = string.Join(", ", LedgerSummary.MeasureColumns.Select(c => $"{Quote(c)} = \"LedgerSummaries\".{Quote(c)} + excluded.{Quote(c)}"));
        return $"INSERT INTO \"LedgerSummaries\" ({names}) VALUES ({parameters}) ON CONFLICT ({grain}) DO UPDATE SET {updates}";
    }

    private static string Quote(string column) => $"\"{column}\"";
}
