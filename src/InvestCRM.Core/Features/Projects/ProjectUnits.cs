namespace InvestCRM.Features.Projects;

/// <summary>The projects of some report units, by their primary credit: as the report filters choose them.</summary>
public static class ProjectUnits
{
    /// <param name="parks">A park with its parks; null for every park (and none).</param>
    public static IQueryable<Project> InUnits(this IQueryable<Project> projects, IReadOnlyCollection<int>? parks, int? chain, int? team, int? incubator)
    {
        projects = parks is null ? projects : projects.Where(p => parks.Contains(p.ParkId ?? 0));
        projects = chain is null ? projects : projects.Where(p => p.ChainId == chain);
        projects = team is null ? projects : projects.Where(p => p.TeamId == team);
        return incubator is null ? projects : projects.Where(p => p.IncubatorId == incubator);
    }
}
