using InvestCRM.Data;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InvestCRM.Features.Pipeline;

/// <summary>
/// Turns the tracked projects of one SaveChanges into changes of <see cref="PipelineSummary"/>: a created project adds
/// its line, a deleted one takes its original line back, an edited one takes back its original line and adds its
/// current one. Every write path goes through SaveChanges, so none can forget the summary.
/// </summary>
internal static class PipelineDelta
{
    private static readonly string Sql = BuildSql();

    /// <summary>Read before the save, while the original values are still known; lines of one grain are added up.</summary>
    public static List<PipelineSummary> Capture(ChangeTracker tracker) =>
        tracker.Entries<Project>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .SelectMany(Lines)
            .GroupBy(l => l.Grain)
            .Select(g => g.Aggregate(Add))
            .Where(l => l.Projects != 0 || l.InvestmentWan != 0)
            .ToList();

    /// <summary>One atomic upsert per grain, in the caller's transaction; concurrent saves cannot lose an update.</summary>
    public static async Task ApplyAsync(CrmDbContext db, IReadOnlyList<PipelineSummary> lines, CancellationToken ct)
    {
        foreach (var line in lines)
        {
            object[] values = [line.StageId, line.Status.ToString(), line.ParkId, line.TeamId, line.IncubatorId, line.ChainId, line.Projects, line.InvestmentWan];
            await db.Database.ExecuteSqlRawAsync(Sql, values, ct);
        }
    }

    private static IEnumerable<PipelineSummary> Lines(EntityEntry<Project> entry)
    {
        if (entry.State != EntityState.Added)
        {
            var o = entry.OriginalValues;
            yield return PipelineSummary.Of(o.GetValue<int>(nameof(Project.StageId)), o.GetValue<ProjectStatus>(nameof(Project.Status)),
                o.GetValue<int?>(nameof(Project.ParkId)), o.GetValue<int?>(nameof(Project.TeamId)), o.GetValue<int?>(nameof(Project.IncubatorId)),
                o.GetValue<int?>(nameof(Project.ChainId)), o.GetValue<decimal?>(nameof(Project.PlannedInvestmentWan)), -1);
        }

        if (entry.State != EntityState.Deleted)
        {
            var p = entry.Entity;
            yield return PipelineSummary.Of(p.StageId, p.Status, p.ParkId, p.TeamId, p.IncubatorId, p.ChainId, p.PlannedInvestmentWan, +1);
        }
    }

    private static PipelineSummary Add(PipelineSummary a, PipelineSummary b) => new()
    {
        StageId = a.StageId, Status = a.Status, ParkId = a.ParkId, TeamId = a.TeamId, IncubatorId = a.IncubatorId, ChainId = a.ChainId,
        Projects = a.Projects + b.Projects, InvestmentWan = a.InvestmentWan + b.InvestmentWan,
    };

    private static string BuildSql()
    {
        string[] measures = [nameof(PipelineSummary.Projects), nameof(PipelineSummary.InvestmentWan)];
        var columns = PipelineSummary.GrainColumns.Concat(measures).ToArray();
        var names = string.Join(", ", columns.Select(Quote));
        var parameters = string.Join(", ", columns.Select((_, i) => $"{{{i}}}"));
        var grain = string.Join(", ", PipelineSummary.GrainColumns.Select(Quote));
        var updates = string.Join(", ", measures.Select(c => $"{Quote(c)} = \"PipelineSummaries\".{Quote(c)} + excluded.{Quote(c)}"));
        return $"INSERT INTO \"PipelineSummaries\" ({names}) VALUES ({parameters}) ON CONFLICT ({grain}) DO UPDATE SET {updates}";
    }

    private static string Quote(string column) => $"\"{column}\"";
}
