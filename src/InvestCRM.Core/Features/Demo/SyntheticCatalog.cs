using InvestCRM.Data;
using InvestCRM.Features.Activities;
using InvestCRM.Features.Events;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Demo;

/// <summary>The reference rows synthetic projects point at: stages, the plan's chains, incubators and the staff who own projects.</summary>
public sealed record SyntheticCatalog(
    IReadOnlyList<PipelineStage> Stages,
    IReadOnlyList<SyntheticChain> Chains,
    IReadOnlyList<int> IncubatorIds,
    IReadOnlyList<SyntheticUser> Users,
    IReadOnlyList<int> ParkIds)
{
    /// <summary>Reads the catalog of a plan; owners are the active internal (non-partner) users.</summary>
    public static async Task<SyntheticCatalog> LoadAsync(CrmDbContext db, int planId, CancellationToken ct = default)
    {
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Order).ToListAsync(ct);
        var chains = await db.IndustryChains.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.SortOrder)
            .Select(c => new { c.Id, c.Name, c.ParkId, Nodes = c.Nodes.OrderBy(n => n.SortOrder).Select(n => new { n.Id, n.Name }).ToList() })
            .ToListAsync(ct);
        var incubators = await db.Incubators.AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var parks = await db.Parks.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.SortOrder).Select(p => p.Id).ToListAsync(ct);
        var users = await (from u in ActiveUsers.In(db, ActiveUsers.Internal)
                           join t in db.Teams on u.TeamId equals t.Id into team
                           from t in team.DefaultIfEmpty()
                           orderby u.Email
                           select new SyntheticUser(u.Id, u.DisplayName, u.TeamId, t == null ? null : t.ParkId)).ToListAsync(ct);
        return new SyntheticCatalog(stages,
            chains.Select(c => new SyntheticChain(c.Id, c.Name, c.ParkId, c.Nodes.Select(n => n.Id).ToList(), c.Nodes.Select(n => n.Name).ToList())).ToList(),
            incubators, users, parks);
    }
}

public sealed record SyntheticChain(int Id, string Name, int? ParkId, IReadOnlyList<int> NodeIds, IReadOnlyList<string> NodeNames);

public sealed record SyntheticUser(string Id, string Name, int? TeamId, int? TeamParkId);

/// <summary>How much to generate.</summary>
public sealed record SyntheticSize(int Enterprises, int Projects, int Activities);

/// <summary>The first key of each table; keys are given explicitly so that rows can reference each other before they are saved.</summary>
public sealed record SyntheticIds(int Enterprise = 1, int Contact = 1, int Event = 1, int Project = 1, long StageChange = 1, long Activity = 1);

/// <summary>One project with everything that happened to it, in the order it happened.</summary>
public sealed record ProjectHistory(Project Project, List<StageChange> Changes, List<StageReached> Reached, List<Activity> Activities);

/// <summary>What the generator produced: the small tables in full, projects as a stream (a million activities never sit in memory).</summary>
public sealed record SyntheticDataSet(IReadOnlyList<CrmEvent> Events, IReadOnlyList<Enterprises.Enterprise> Enterprises, IEnumerable<ProjectHistory> Projects);
