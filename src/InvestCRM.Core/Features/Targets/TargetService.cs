using InvestCRM.Data;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Targets;

/// <summary>Managers set a plan's targets; a target must name something of its plan and a period within it.</summary>
public sealed class TargetService(CrmDbContext db, TargetCatalog catalog)
{
    /// <summary>Far above any real target (a trillion 万元), far below what the column holds.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    public async Task<TargetDetail?> FindAsync(int id, CancellationToken ct = default)
    {
        var found = await (from target in db.Targets.AsNoTracking()
                           join plan in db.Plans on target.PlanId equals plan.Id
                           where target.Id == id
                           select new { Target = target, Plan = plan }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var (t, p) = (found.Target, found.Plan);
        var name = t.ScopeId is { } sid ? (await catalog.ScopeNamesAsync(p.Id, ct)).GetValueOrDefault((t.Scope, sid)) : null;
        var row = new TargetRow(t.Id, t.Metric, t.Scope, t.ScopeId, name,
            t.Period, t.Year, t.From, t.To, t.Value, t.Note);
        return new TargetDetail(p.Id, p.Name, p.NameEn, p.StartYear, p.EndYear, row);
    }

    /// <summary>Everything of the plan a target can point at, by kind and then name.</summary>
    public async Task<IReadOnlyList<ScopeChoice>> ScopeChoicesAsync(int planId, CancellationToken ct = default) =>
        (await catalog.ScopeNamesAsync(planId, ct))
            .Select(n => new ScopeChoice(n.Key.Item1, n.Key.Item2, n.Value))
            .OrderBy(c => c.Scope).ThenBy(c => c.Unit.Zh, StringComparer.Ordinal).ToList();

    public async Task<Outcome> CreateAsync(int planId, TargetInput input, CancellationToken ct = default) =>
        await SaveAsync(new PlanTarget { PlanId = planId }, input, ct);

    public async Task<Outcome> UpdateAsync(int id, TargetInput input, CancellationToken ct = default) =>
        await db.Targets.FirstOrDefaultAsync(t => t.Id == id, ct) is { } target
            ? await SaveAsync(target, input, ct)
            : Outcome.NotFound();

    private async Task<Outcome> SaveAsync(PlanTarget target, TargetInput input, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == target.PlanId, ct);
        if (plan is null)
        {
            return Outcome.NotFound();
        }

        var checks = await CheckAsync(plan.Id, input, ct);
        CheckPeriod(checks, input, plan.StartYear, plan.EndYear);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        var custom = input.Period == TargetPeriod.Custom;
        target.Metric = input.Metric;
        target.Scope = input.Scope;
        target.ScopeId = input.Scope == TargetScope.Plan ? null : input.ScopeId;
        target.Period = input.Period;
        target.Year = custom ? null : input.Year;
        target.From = custom ? input.From : null;
        target.To = custom ? input.To : null;
        target.Value = input.Value;
        target.Note = InputChecks.Clean(input.Note);
        if (target.Id == 0)
        {
            db.Targets.Add(target);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(target.Id);
    }

    private async Task<InputChecks> CheckAsync(int planId, TargetInput input, CancellationToken ct)
    {
        var checks = new InputChecks()
            .Defined(nameof(input.Metric), input.Metric)
            .Defined(nameof(input.Scope), input.Scope)
            .Defined(nameof(input.Period), input.Period)
            .When(input.Value < 0, nameof(input.Value), InputChecks.NotNegative)
            .When(input.Value > MaxValue, nameof(input.Value), InputChecks.Range)
            .Text(nameof(input.Note), input.Note, 500);
        if (input.Scope != TargetScope.Plan && Enum.IsDefined(input.Scope))
        {
            // Scope and scope id are one choice in the form, so both report on Scope.
            var names = await catalog.ScopeNamesAsync(planId, ct);
            checks.When(input.ScopeId is null, nameof(input.Scope), InputChecks.Required)
                .When(input.ScopeId is { } id && !names.ContainsKey((input.Scope, id)), nameof(input.Scope), "Validation.ScopeNotInPlan");
        }

        return checks;
    }

    private static void CheckPeriod(InputChecks checks, TargetInput input, int startYear, int endYear)
    {
        const string outside = "Validation.OutsidePlanYears";
        switch (input.Period)
        {
            case TargetPeriod.PlanYear or TargetPeriod.CumulativeToPlanYear:
                checks.When(input.Year is null, nameof(input.Year), InputChecks.Required)
                    .When(input.Year < 1 || input.Year > TargetYears.PlanLength(startYear, endYear), nameof(input.Year), outside);
                break;
            case TargetPeriod.CalendarYear:
                checks.When(input.Year is null, nameof(input.Year), InputChecks.Required)
                    .When(input.Year < startYear || input.Year > endYear, nameof(input.Year), outside);
                break;
            case TargetPeriod.Custom:
                checks.When(input.From is null, nameof(input.From), InputChecks.Required)
                    .When(input.To is null, nameof(input.To), InputChecks.Required)
                    .When(input.From?.Year < startYear, nameof(input.From), outside)
                    .When(input.To?.Year > endYear, nameof(input.To), outside)
                    .When(input.To < input.From, nameof(input.To), "Validation.EndBeforeStart");
                break;
        }
    }
}
