using System.Linq.Expressions;
using InvestCRM.Data;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Funnel;

/// <summary>One target still running: counted so far, expected from open projects, and the gap.</summary>
public sealed record ForecastRow(TargetCompletion Completion, decimal ExpectedAdditional, long OpenProjects)
{
    public decimal ExpectedTotal => Completion.Actual + ExpectedAdditional;
    public int Gap => ForecastCalculator.Gap(Completion.Target.Value, Completion.Actual, ExpectedAdditional);
}

public sealed record Forecast(ReportOptions Options, IReadOnlyList<ForecastRow> Rows);

/// <summary>
/// Forecasts project and enterprise targets whose period has not ended, for the units of the filter, from the
/// funnel's all-time measures (see ForecastCalculator) and today's active projects of each target's unit.
/// </summary>
public sealed class ForecastQueries(CrmDbContext db, ReportOptionsQuery options, FunnelQueries funnel, TargetProgress progress, TimeProvider clock)
{
    private static readonly TargetMetric[] Counted = [TargetMetric.ProjectsIntroduced, TargetMetric.EnterprisesIntroduced];

    public async Task<Forecast?> ForAsync(ReportFilter filter, CancellationToken ct = default)
    {
        var found = await options.ForAsync(filter, ct);
        if (found is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var order = await db.Stages.AsNoTracking().OrderBy(s => s.Order).Select(s => s.Id).ToListAsync(ct);
        var rows = new List<ForecastRow>();
        foreach (var completion in (await progress.ForPlanAsync(found.Plan.Id, ct)).Where(c => c.Range.End > now && Counted.Contains(c.Target.Metric)))
        {
            var units = await UnitsOfAsync(completion.Target, found.Plan.Id, ct);
            if (units is null || !Fits(filter, completion.Target))
            {
                continue;
            }

            var measures = await MeasuresAsync(order, units, ct);
            var open = await OpenAsync(units, completion.Target.Metric == TargetMetric.EnterprisesIntroduced, now, ct);
            var daysLeft = (int)Math.Floor((completion.Range.End - now).TotalDays);
            var expected = ForecastCalculator.ExpectedAdditional(measures, open, completion.CountingStageId, daysLeft);
            rows.Add(new ForecastRow(completion, Math.Round(expected, 1), ForecastCalculator.OpenBefore(order, open, completion.CountingStageId)));
        }

        return new Forecast(found, rows);
    }

    public async Task<PipelineMeasures> MeasuresAsync(IReadOnlyList<int> order, FunnelUnits units, CancellationToken ct = default)
    {
        var cells = await funnel.CellsAsync(units, null, ct);
        return new PipelineMeasures(order,
            order.ToDictionary(id => id, id => FunnelMath.Sum(cells, FunnelKind.Reached, id)),
            order.ToDictionary(id => id, id => (IReadOnlyDictionary<int, long>)FunnelMath.Histogram(cells, id)));
    }

    /// <summary>
    /// Active projects in the units per stage and stay bucket of their whole days in it; enterprise targets leave out
    /// expansions of firms already here.
    /// </summary>
    private async Task<List<OpenGroup>> OpenAsync(FunnelUnits units, bool newEnterprisesOnly, DateTimeOffset now, CancellationToken ct)
    {
        var query = db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Active && (!newEnterprisesOnly || !p.IsExpansion))
            .InUnits(units.ParkIds, units.ChainId, units.TeamId, units.IncubatorId);
        return await query.Select(InStage(now)).GroupBy(p => new { p.StageId, p.Bucket })
            .Select(g => new OpenGroup(g.Key.StageId, g.Key.Bucket, g.LongCount())).ToListAsync(ct);
    }

    /// <summary>
    /// A project's stage and the stay bucket of its whole days in it, as one CASE over the buckets' bounds. The bounds
    /// are read from a captured array, so that EF sends them as parameters and translates the query once, not once per
    /// moment it runs at.
    /// </summary>
    private static Expression<Func<Project, StageAge>> InStage(DateTimeOffset now)
    {
        // Whole days in the stage ≤ UpperDays[i] ⇔ entered after now − (UpperDays[i] + 1) days.
        var bounds = new BucketBounds(StayBuckets.UpperDays[..^1].Select(days => now.AddDays(-(days + 1))).ToArray());
        var project = Expression.Parameter(typeof(Project), "p");
        var entered = Expression.Property(project, nameof(Project.StageEnteredAt));
        var after = Expression.Property(Expression.Constant(bounds), nameof(BucketBounds.EnteredAfter));
        Expression bucket = Expression.Constant(bounds.EnteredAfter.Length);
        for (var i = bounds.EnteredAfter.Length - 1; i >= 0; i--)
        {
            bucket = Expression.Condition(Expression.GreaterThan(entered, Expression.ArrayIndex(after, Expression.Constant(i))), Expression.Constant(i), bucket);
        }

        return Expression.Lambda<Func<Project, StageAge>>(Expression.MemberInit(Expression.New(typeof(StageAge)),
            Expression.Bind(typeof(StageAge).GetProperty(nameof(StageAge.StageId))!, Expression.Property(project, nameof(Project.StageId))),
            Expression.Bind(typeof(StageAge).GetProperty(nameof(StageAge.Bucket))!, bucket)), project);
    }

    private sealed record BucketBounds(DateTimeOffset[] EnteredAfter);

    private sealed class StageAge
    {
        public int StageId { get; init; }
        public int Bucket { get; init; }
    }

    /// <summary>The funnel units of a target's scope; a chain-node target has none (the funnel is kept per chain).</summary>
    private async Task<FunnelUnits?> UnitsOfAsync(TargetRow target, int planId, CancellationToken ct) => target.Scope switch
    {
        TargetScope.Plan => FunnelUnits.All,
        TargetScope.Park => await funnel.UnitsAsync(new ReportFilter(ParkId: target.ScopeId), planId, ct),
        TargetScope.Chain => new FunnelUnits(null, target.ScopeId, null, null),
        TargetScope.Team => new FunnelUnits(null, null, target.ScopeId, null),
        TargetScope.Incubator => new FunnelUnits(null, null, null, target.ScopeId),
        _ => null,
    };

    /// <summary>With a unit chosen in the filter, only that unit's targets are shown.</summary>
    private static bool Fits(ReportFilter filter, TargetRow target) =>
        !filter.HasUnitFilter || target.Scope switch
        {
            TargetScope.Park => target.ScopeId == filter.ParkId,
            TargetScope.Chain => target.ScopeId == filter.ChainId,
            TargetScope.Team => target.ScopeId == filter.TeamId,
            TargetScope.Incubator => target.ScopeId == filter.IncubatorId,
            _ => false,
        };
}
