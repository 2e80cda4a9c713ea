using InvestCRM.Data;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Funnel;

/// <summary>
/// Keeps the funnel's summaries equal to the detail rows: a command takes the project's lines before it changes
/// anything, and after saving adds the difference with one atomic upsert per changed grain (INSERT … ON CONFLICT …
/// DO UPDATE reads the same on SQLite and PostgreSQL, and concurrent commands cannot lose an update). The roll-ups
/// (<see cref="FunnelRollup"/>) are added in the same transaction.
/// </summary>
public static class FunnelSummaryWriter
{
    private static readonly string Sql = BuildSql();

    /// <summary>The project's current contribution, from its saved detail rows and the given attributes.</summary>
    public static async Task<List<FunnelSummary>> LinesAsync(CrmDbContext db, FunnelProject project, CancellationToken ct) =>
        (await LineDetailsAsync(db, project, ct)).Select(l => l.Row).ToList();

    public static async Task<List<FunnelLine>> LineDetailsAsync(CrmDbContext db, FunnelProject project, CancellationToken ct)
    {
        // The caller has already checked access; partner scoping must not hide detail rows from the arithmetic.
        var reached = await db.StagesReached.IgnoreQueryFilters().AsNoTracking().Where(r => r.ProjectId == project.Id).ToListAsync(ct);
        var changes = await db.StageChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.ProjectId == project.Id).ToListAsync(ct);
        return FunnelLines.For(project, reached, changes).ToList();
    }

    /// <summary>Call after SaveChanges, inside the command's transaction, with the lines taken before it.</summary>
    public static async Task UpdateAsync(CrmDbContext db, IReadOnlyList<FunnelSummary> before, Project project, CancellationToken ct)
    {
        var after = await LinesAsync(db, FunnelProject.Of(project), ct);
        await AddAsync(db, FunnelLines.Sum(before, -1, FunnelLines.Sum(after)).Values, ct);
    }

    public static async Task AddAsync(CrmDbContext db, IEnumerable<FunnelSummary> deltas, CancellationToken ct)
    {
        var changed = deltas.Where(d => d.Projects != 0 || d.PlannedInvestmentWan != 0).ToList();
        foreach (var d in changed)
        {
            object[] values =
            [
                (int)d.Kind, d.StageId, d.Month, d.Cohort, d.Detail, d.ParkId, d.TeamId, d.IncubatorId, d.ChainId, d.Projects, d.PlannedInvestmentWan,
            ];
            await db.Database.ExecuteSqlRawAsync(Sql, values, ct);
        }

        await FunnelRollup.Definition.AddAsync(db, changed.Select(FunnelRollup.Source), ct);
    }

    private static string BuildSql()
    {
        var columns = FunnelSummary.GrainColumns.Concat(FunnelSummary.MeasureColumns).ToArray();
        var names = string.Join(", ", columns.Select(Quote));
        var parameters = string.Join(", ", columns.Select((_, i) => $"{{{i}}}"));
        var grain = string.Join(", ", FunnelSummary.GrainColumns.Select(Quote));
        var updates = string.Join(", ", FunnelSummary.MeasureColumns.Select(c => $"{Quote(c)} = \"FunnelSummaries\".{Quote(c)} + excluded.{Quote(c)}"));
        return $"INSERT INTO \"FunnelSummaries\" ({names}) VALUES ({parameters}) ON CONFLICT ({grain}) DO UPDATE SET {updates}";
    }

    internal static string Quote(string column) => $"\"{column}\"";
}
