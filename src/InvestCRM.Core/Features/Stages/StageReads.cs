using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Stages;

public static class StageReads
{
    private static readonly object OrderedKey = new();

    /// <summary>The stages in pipeline order, kept in the reference cache: shared between requests, never to be changed.</summary>
    public static Task<IReadOnlyList<PipelineStage>> StagesAsync(this ReferenceCache cache, CrmDbContext db, CancellationToken ct = default) =>
        cache.GetAsync<IReadOnlyList<PipelineStage>>(db, OrderedKey, async c => await db.Stages.AsNoTracking().OrderBy(s => s.Order).ToListAsync(c), ct);
}
