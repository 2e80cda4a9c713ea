using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

public sealed partial class ProjectQueries
{
    private enum OptionKind
    {
        Owner,
        Team,
        Park,
        Chain,
        Incubator,
    }

    /// <summary>
    /// One choice of one list, with the keys its list is ordered by (in the database, so that its collation orders names).
    /// Set by member initialisation: EF translates a UNION only over projections it can see into.
    /// </summary>
    private sealed class OptionRow
    {
        public OptionKind Kind { get; init; }
        public required string Id { get; init; }
        public required string Zh { get; init; }
        public string? En { get; init; }
        public int Order { get; init; }
        public required string Name { get; init; }
    }

    /// <summary>
    /// The choices of the list's and the board's filter (and of the export's filter line): the stages, and the owners,
    /// teams, parks, chains and incubators in one UNION ALL, two round trips instead of six on every view. Chain nodes
    /// and events, which only the edit form offers, are left empty.
    /// </summary>
    public async Task<ProjectOptions> FilterOptionsAsync(CancellationToken ct = default)
    {
        var stages = await StagesAsync(ct);
        var rows = await db.Users.AsNoTracking().Where(u => u.IsActive && u.IncubatorId == null)
            .Select(u => new OptionRow { Kind = OptionKind.Owner, Id = u.Id, Zh = u.DisplayName, En = null, Order = 0, Name = u.DisplayName })
            .Concat(db.Teams.AsNoTracking()
                .Select(t => new OptionRow { Kind = OptionKind.Team, Id = t.Id.ToString(), Zh = t.Name, En = t.NameEn, Order = 0, Name = t.Name }))
            .Concat(db.Parks.AsNoTracking()
                .Select(t => new OptionRow { Kind = OptionKind.Park, Id = t.Id.ToString(), Zh = t.Name, En = t.NameEn, Order = t.SortOrder, Name = "" }))
            .Concat(db.IndustryChains.AsNoTracking()
                .Select(t => new OptionRow { Kind = OptionKind.Chain, Id = t.Id.ToString(), Zh = t.Name, En = t.NameEn, Order = t.SortOrder, Name = "" }))
            .Concat(db.Incubators.AsNoTracking()
                .Select(t => new OptionRow { Kind = OptionKind.Incubator, Id = t.Id.ToString(), Zh = t.Name, En = null, Order = 0, Name = t.Name }))
            .OrderBy(r => r.Kind).ThenBy(r => r.Order).ThenBy(r => r.Name)
            .ToListAsync(ct);
        var lists = rows.ToLookup(r => r.Kind, r => new Option(r.Id, r.Zh, r.En));
        return new ProjectOptions(stages, [.. lists[OptionKind.Owner]], [.. lists[OptionKind.Team]], [.. lists[OptionKind.Park]],
            [.. lists[OptionKind.Chain]], [], [.. lists[OptionKind.Incubator]], []);
    }
}
