using InvestCRM.Data;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Pipeline;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Teams;
using InvestCRM.Features.Tracks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestCRM.Features.Demo;

/// <summary>Loads the Sanming demo plan and one account per role. Running it again changes nothing.</summary>
public sealed class DemoData(
    CrmDbContext db, UserAdministration userAdmin, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles,
    IOptions<DemoOptions> options, LedgerMaintenance ledger, PipelineMaintenance pipeline, FunnelMaintenance funnel, ProjectService projects,
    TrackService tracks, TimeProvider clock, ILogger<DemoData> log)
{
    public static readonly (string Email, string Name, string Role, string? Team, string? IncubatorCity)[] Accounts =
    [
        ($"admin@{DemoOptions.EmailDomain}", "系统管理员", Roles.Admin, null, null),
        ($"manager@{DemoOptions.EmailDomain}", "李主任", Roles.Manager, null, null),
        ($"staff@{DemoOptions.EmailDomain}", "王招商", Roles.Staff, "新材料招商组", null),
        ($"staff2@{DemoOptions.EmailDomain}", "陈招商", Roles.Staff, "创新中心招商组", null),
        ($"partner.beijing@{DemoOptions.EmailDomain}", "赵经理（北京孵化器）", Roles.Partner, null, "北京"),
        ($"partner.shanghai@{DemoOptions.EmailDomain}", "周经理（上海孵化器）", Roles.Partner, null, "上海"),
    ];

    public static Task<bool> AnyDemoAccountAsync(CrmDbContext db) =>
        db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith("@" + DemoOptions.EmailDomain.ToUpperInvariant()));

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        await userAdmin.EnsureRolesAsync(roles);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Name == SanmingPlan.Name, ct);
        if (plan is null)
        {
            plan = await LoadPlanAsync(ct);
            log.LogInformation("Loaded demo plan {Plan}", plan.Name);
        }

        await EnsureAccountsAsync(plan.Id, ct);
        var count = options.Value.Projects;
        if (count > 0 && !await db.Projects.AnyAsync(ct))
        {
            var started = clock.GetTimestamp();
            var added = await DemoProjects.AddAsync(db, plan.Id, new SyntheticSize(count * 2 / 3, count, count * 20 / 3), clock.GetUtcNow(), ct);
            // The generator writes stage histories directly; count their first reaches like live moves would.
            var counted = await ledger.BackfillAsync(ct);
            // EF keeps the pipeline summary as it saves; the rebuild is the same set-based pass the benchmark uses.
            await pipeline.RebuildAsync(ct);
            await funnel.RebuildAsync(ct);
            log.LogInformation("Added {Projects} synthetic projects with {Activities} activities ({Counted} counted) in {Seconds:F1} s",
                count, added, counted, clock.GetElapsedTime(started).TotalSeconds);
        }

        // Demo:Projects=0 asks for the plan and accounts only (the benchmark bulk-loads its own rows with explicit keys).
        if (count > 0)
        {
            await new DemoReferrals(db, projects, clock).EnsureAsync(plan.Id, ct);
            await new DemoTracks(db, tracks).EnsureAsync(plan.Id, ct);
        }
    }

    private async Task<Plan> LoadPlanAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = SanmingPlan.Plan();
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);

        var parks = SanmingPlan.Parks(plan.Id).ToList();
        db.Parks.AddRange(parks);
        await db.SaveChangesAsync(ct);
        var materials = parks.Single(p => p.Name == SanmingPlan.NewMaterialsBase);
        parks.AddRange(SanmingPlan.NewMaterialsParks(plan.Id, materials.Id));
        db.Parks.AddRange(parks.Where(p => p.Id == 0));
        await db.SaveChangesAsync(ct);
        var parkId = parks.ToDictionary(p => p.Name, p => p.Id);

        var chains = SanmingPlan.Chains.Select((c, i) => new IndustryChain
        {
            PlanId = plan.Id, Name = c.Name, NameEn = c.NameEn, SortOrder = i + 1,
            ParkId = c.Park is null ? null : parkId[c.Park],
            Nodes = Nodes(c.Up, ChainSegment.Upstream).Concat(Nodes(c.Mid, ChainSegment.Midstream)).Concat(Nodes(c.Down, ChainSegment.Downstream)).ToList(),
        }).ToList();
        db.IndustryChains.AddRange(chains);

        db.Incubators.AddRange(SanmingPlan.Incubators.Select(i => new OffshoreIncubator
        {
            PlanId = plan.Id, Name = SanmingPlan.IncubatorName(i.City), City = i.City, Region = i.Region, Status = i.Status, Operator = i.Operator,
        }));
        db.Teams.AddRange(SanmingPlan.Teams.Select(t => new Team { Name = t.Name, NameEn = t.NameEn, ParkId = t.Park is null ? null : parkId[t.Park] }));
        await db.SaveChangesAsync(ct);

        var chainId = chains.ToDictionary(c => c.Name, c => c.Id);
        db.Targets.AddRange(SanmingPlan.Targets(plan.Id, name => parkId[name], name => chainId[name]));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    private static IEnumerable<ChainNode> Nodes(string[] names, ChainSegment segment) =>
        names.Select((n, i) => new ChainNode { Name = n, Segment = segment, SortOrder = (int)segment * 100 + i });

    private async Task EnsureAccountsAsync(int planId, CancellationToken ct)
    {
        foreach (var account in Accounts)
        {
            // Present, or present under another e-mail address an administrator gave it since (its user name stays).
            if (await users.FindByEmailAsync(account.Email) is not null || await users.FindByNameAsync(account.Email) is not null)
            {
                continue;
            }

            // A team or incubator renamed since the demo was loaded: the account goes without a team, a partner is not added.
            int? team = account.Team is null ? null : await db.Teams.Where(t => t.Name == account.Team).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            int? incubator = account.IncubatorCity is null ? null : await db.Incubators
                .Where(i => i.PlanId == planId && i.City == account.IncubatorCity).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
            if (account.IncubatorCity is not null && incubator is null)
            {
                log.LogWarning("Demo account {Email} not added: the plan has no incubator in {City}", account.Email, account.IncubatorCity);
                continue;
            }

            var result = await userAdmin.CreateAsync(new UserInput(account.Email, account.Name, account.Role, team, incubator, true), options.Value.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }
}
