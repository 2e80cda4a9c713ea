using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Plans;

/// <summary>Plans and their parks as admins maintain them; everyone inside the park may read them.</summary>
public sealed class PlanService(CrmDbContext db)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public async Task<IReadOnlyList<PlanRow>> ListAsync(CancellationToken ct = default) =>
        await db.Plans.AsNoTracking().OrderByDescending(p => p.StartYear).ThenBy(p => p.Name)
            .Select(p => new PlanRow(p.Id, p.Name, p.NameEn, p.StartYear, p.EndYear, p.CreditRule, p.Parks.Count,
                db.IndustryChains.Count(c => c.PlanId == p.Id), db.Incubators.Count(i => i.PlanId == p.Id),
                db.Targets.Count(t => t.PlanId == p.Id)))
            .ToListAsync(ct);

    public async Task<PlanDetail?> FindAsync(int id, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is null
            ? null
            : new PlanDetail(plan.Id, plan.Name, plan.NameEn, plan.StartYear, plan.EndYear, plan.Issuer, plan.IssuedOn,
                plan.Summary, plan.CreditRule, await ParkRows(db.Parks.Where(p => p.PlanId == id)).ToListAsync(ct));
    }

    public async Task<ParkRow?> FindParkAsync(int id, CancellationToken ct = default) =>
        await ParkRows(db.Parks.Where(p => p.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Parks to choose from: those of one plan, or of every plan when none is given.</summary>
    public async Task<IReadOnlyList<Choice>> ParkChoicesAsync(int? planId, CancellationToken ct = default) =>
        await db.Parks.AsNoTracking().Where(p => planId == null || p.PlanId == planId)
            .OrderBy(p => p.PlanId).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new Choice(p.Id, p.Name, p.NameEn)).ToListAsync(ct);

    public async Task<Outcome> CreateAsync(PlanInput input, CancellationToken ct = default) =>
        await SavePlanAsync(new Plan { Name = "" }, input, ct);

    public async Task<Outcome> UpdateAsync(int id, PlanInput input, CancellationToken ct = default) =>
        await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct) is { } plan
            ? await SavePlanAsync(plan, input, ct)
            : Outcome.NotFound();

    public async Task<Outcome> CreateParkAsync(int planId, ParkInput input, CancellationToken ct = default) =>
        await db.Plans.AnyAsync(p => p.Id == planId, ct)
            ? await SaveParkAsync(new Park { PlanId = planId, Name = "" }, input, ct)
            : Outcome.NotFound();

    public async Task<Outcome> UpdateParkAsync(int id, ParkInput input, CancellationToken ct = default) =>
        await db.Parks.FirstOrDefaultAsync(p => p.Id == id, ct) is { } park
            ? await SaveParkAsync(park, input, ct)
            : Outcome.NotFound();

    private async Task<Outcome> SavePlanAsync(Plan plan, PlanInput input, CancellationToken ct)
    {
        var checks = await CheckAsync(plan, input, ct);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        plan.Name = input.Name.Trim();
        plan.NameEn = InputChecks.Clean(input.NameEn);
        plan.StartYear = input.StartYear;
        plan.EndYear = input.EndYear;
        plan.Issuer = InputChecks.Clean(input.Issuer);
        plan.IssuedOn = input.IssuedOn;
        plan.Summary = InputChecks.Clean(input.Summary);
        plan.CreditRule = input.CreditRule;
        if (plan.Id == 0)
        {
            db.Plans.Add(plan);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(plan.Id);
    }

    private async Task<InputChecks> CheckAsync(Plan plan, PlanInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        var checks = new InputChecks()
            .Text(nameof(input.Name), input.Name, 200, required: true)
            .Text(nameof(input.NameEn), input.NameEn, 200)
            .Text(nameof(input.Issuer), input.Issuer, 200)
            .Text(nameof(input.Summary), input.Summary, 4000)
            .Defined(nameof(input.CreditRule), input.CreditRule)
            .When(input.StartYear is < FirstYear or > LastYear, nameof(input.StartYear), InputChecks.Range)
            .When(input.EndYear is < FirstYear or > LastYear, nameof(input.EndYear), InputChecks.Range)
            .When(input.EndYear < input.StartYear, nameof(input.EndYear), "Validation.EndBeforeStart");
        checks.When(await db.Plans.AnyAsync(p => p.Name == name && p.Id != plan.Id, ct), nameof(input.Name), InputChecks.NameTaken);
        if (plan.Id != 0 && !checks.HasProblems)
        {
            // Shortening a plan must not strand targets in years it no longer has.
            var targets = await db.Targets.AsNoTracking().Where(t => t.PlanId == plan.Id).ToListAsync(ct);
            checks.When(targets.Any(t => !TargetYears.Fit(t, input.StartYear, input.EndYear)),
                nameof(input.EndYear), "Validation.TargetsOutsideYears");
        }

        return checks;
    }

    private async Task<Outcome> SaveParkAsync(Park park, ParkInput input, CancellationToken ct)
    {
        var checks = await CheckAsync(park, input, ct);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        park.SortOrder = input.SortOrder ?? (park.Id != 0 ? park.SortOrder
            : (await db.Parks.Where(p => p.PlanId == park.PlanId).MaxAsync(p => (int?)p.SortOrder, ct) ?? 0) + 1);
        park.Name = input.Name.Trim();
        park.NameEn = InputChecks.Clean(input.NameEn);
        park.Kind = input.Kind;
        park.ParentId = input.ParentId;
        park.Location = InputChecks.Clean(input.Location);
        park.AreaMu = input.AreaMu;
        park.Focus = InputChecks.Clean(input.Focus);
        if (park.Id == 0)
        {
            db.Parks.Add(park);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(park.Id);
    }

    private async Task<InputChecks> CheckAsync(Park park, ParkInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        var checks = new InputChecks()
            .Text(nameof(input.Name), input.Name, 200, required: true)
            .Text(nameof(input.NameEn), input.NameEn, 200)
            .Text(nameof(input.Location), input.Location, 200)
            .Text(nameof(input.Focus), input.Focus, 1000)
            .Defined(nameof(input.Kind), input.Kind)
            .When(input.AreaMu < 0, nameof(input.AreaMu), InputChecks.NotNegative)
            .When(input.SortOrder < 0, nameof(input.SortOrder), InputChecks.NotNegative);
        checks.When(await db.Parks.AnyAsync(p => p.PlanId == park.PlanId && p.Name == name && p.Id != park.Id, ct),
            nameof(input.Name), InputChecks.NameTaken);
        if (input.ParentId is { } parentId)
        {
            var parents = await db.Parks.AsNoTracking().Where(p => p.PlanId == park.PlanId).ToDictionaryAsync(p => p.Id, p => p.ParentId, ct);
            checks.When(!parents.ContainsKey(parentId), nameof(input.ParentId), InputChecks.Unknown)
                .When(park.Id != 0 && IsWithin(parentId, park.Id, parents), nameof(input.ParentId), "Validation.ParentCycle");
        }

        return checks;
    }

    /// <summary>Whether <paramref name="parkId"/> is <paramref name="ancestorId"/> or lies beneath it.</summary>
    private static bool IsWithin(int parkId, int ancestorId, Dictionary<int, int?> parents)
    {
        int? id = parkId;
        for (var steps = 0; id is { } current && steps <= parents.Count; steps++)
        {
            if (current == ancestorId)
            {
                return true;
            }

            id = parents.GetValueOrDefault(current);
        }

        return false;
    }

    private IQueryable<ParkRow> ParkRows(IQueryable<Park> parks) =>
        from p in parks.AsNoTracking()
        join parent in db.Parks on p.ParentId equals parent.Id into parents
        from parent in parents.DefaultIfEmpty()
        orderby p.SortOrder, p.Id
        select new ParkRow(p.Id, p.PlanId, p.ParentId, parent == null ? null : parent.Name, parent == null ? null : parent.NameEn,
            p.Name, p.NameEn, p.Kind, p.Location, p.AreaMu, p.Focus, p.SortOrder);
}
