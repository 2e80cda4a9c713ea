using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Funnel;

/// <summary>Turns summed summary cells into the funnel's rows: pure, so the figures are testable by hand.</summary>
public static class FunnelMath
{
    public static IReadOnlyList<FunnelStageRow> Stages(IReadOnlyList<(int Id, string NameZh, string NameEn)> stages, IReadOnlyCollection<FunnelCell> cells)
    {
        var reached = stages.Select(s => Sum(cells, FunnelKind.Reached, s.Id)).ToList();
        var rows = new List<FunnelStageRow>();
        for (var i = 0; i < stages.Count; i++)
        {
            var id = stages[i].Id;
            var stays = Histogram(cells, id);
            var drops = Enum.GetValues<DropReason>().ToDictionary(r => r, r => cells.Where(c => c.Kind == FunnelKind.Drop && c.StageId == id && c.Detail == (int)r).Sum(c => c.Projects));
            rows.Add(new FunnelStageRow(
                id, stages[i].NameZh, stages[i].NameEn, reached[i],
                cells.Where(c => c.Kind == FunnelKind.Reached && c.StageId == id).Sum(c => c.PlannedInvestmentWan) / (decimal)FunnelSummary.Scale,
                i + 1 < stages.Count ? Percent(reached[i + 1], reached[i]) : null,
                Percent(reached[i], reached[0]),
                stays.Values.Sum(), BucketPercentile.Of(stays, 0.5m), BucketPercentile.Of(stays, 0.9m), drops));
        }

        return rows;
    }

    /// <summary>Completed stays in a stage per day bucket.</summary>
    public static Dictionary<int, long> Histogram(IEnumerable<FunnelCell> cells, int stageId) =>
        cells.Where(c => c.Kind == FunnelKind.Stay && c.StageId == stageId)
            .GroupBy(c => c.Detail).ToDictionary(g => g.Key, g => g.Sum(c => c.Projects));

    public static long Sum(IEnumerable<FunnelCell> cells, FunnelKind kind, int stageId) =>
        cells.Where(c => c.Kind == kind && c.StageId == stageId).Sum(c => c.Projects);

    public static decimal? Percent(long part, long whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1);
}
