using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Incubators;

/// <summary>Incubator look-ups that respect the caller's scope (the DbContext narrows partners to their own).</summary>
public sealed class IncubatorDirectory(CrmDbContext db)
{
    /// <summary>The signed-in partner's own incubator; null for anyone not bound to one.</summary>
    public async Task<OffshoreIncubator?> OwnAsync(CancellationToken ct = default) =>
        db.User.IncubatorId is { } id
            ? await db.Incubators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            : null;
}
