using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Incubators;

public sealed record IncubatorRow(int Id, int PlanId, string Name, string City, RegionCluster Region, string? Operator, IncubatorStatus Status,
    string? Address, DateOnly? AgreementStart, DateOnly? AgreementEnd);

/// <summary>
/// Offshore incubators of a plan. Partners see only their own (the context's query filter).
/// The record's details are edited here; its status moves only through <see cref="ChangeStatusAsync"/>.
/// </summary>
public sealed partial class IncubatorService(CrmDbContext db, TimeProvider clock)
{
    public async Task<IncubatorList?> ListAsync(int? planId = null, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Current(planId)
            .Select(p => new PlanSummary(p.Id, p.Name, p.NameEn, p.StartYear, p.EndYear)).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }

        var rows = await Rows(db.Incubators.Where(i => i.PlanId == plan.Id).OrderBy(i => i.Region).ThenBy(i => i.City).ThenBy(i => i.Id))
            .ToListAsync(ct);
        var figures = await new IncubatorFigures(db).ForAsync(plan.Id, rows.Select(r => r.Id).ToList(), ct);
        return new IncubatorList(plan, rows.Select(r => new IncubatorListRow(r, figures.GetValueOrDefault(r.Id, Figures.None))).ToList());
    }

    public async Task<IncubatorRow?> FindAsync(int id, CancellationToken ct = default) =>
        await Rows(db.Incubators.Where(i => i.Id == id)).FirstOrDefaultAsync(ct);

    public async Task<Outcome> CreateAsync(int planId, IncubatorInput input, CancellationToken ct = default) =>
        await db.Plans.AnyAsync(p => p.Id == planId, ct)
            ? await SaveAsync(new OffshoreIncubator { PlanId = planId, Name = "", City = "" }, input, ct)
            : Outcome.NotFound();

    public async Task<Outcome> UpdateAsync(int id, IncubatorInput input, CancellationToken ct = default) =>
        await db.Incubators.FirstOrDefaultAsync(i => i.Id == id, ct) is { } incubator
            ? await SaveAsync(incubator, input, ct)
            : Outcome.NotFound();

    private async Task<Outcome> SaveAsync(OffshoreIncubator incubator, IncubatorInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        var checks = new InputChecks()
            .Text(nameof(input.Name), input.Name, 200, required: true)
            .Text(nameof(input.City), input.City, 100, required: true)
            .Text(nameof(input.Operator), input.Operator, 200)
            .Text(nameof(input.Address), input.Address, 300)
            .Defined(nameof(input.Region), input.Region)
            .When(input.AgreementEnd < input.AgreementStart, nameof(input.AgreementEnd), "Validation.EndBeforeStart");
        checks.When(await db.Incubators.IgnoreQueryFilters()
                .AnyAsync(i => i.PlanId == incubator.PlanId && i.Name == name && i.Id != incubator.Id, ct),
            nameof(input.Name), InputChecks.NameTaken);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        input.ApplyTo(incubator);
        if (incubator.Id == 0)
        {
            db.Incubators.Add(incubator);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(incubator.Id);
    }

    internal static IQueryable<IncubatorRow> Rows(IQueryable<OffshoreIncubator> incubators) =>
        incubators.AsNoTracking().Select(i => new IncubatorRow(i.Id, i.PlanId, i.Name, i.City, i.Region, i.Operator, i.Status,
            i.Address, i.AgreementStart, i.AgreementEnd));
}

/// <summary>What an admin enters for an offshore incubator. A new one starts as planned; its status moves by status changes.</summary>
public sealed class IncubatorInput
{
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public RegionCluster Region { get; set; }
    public string? Operator { get; set; }
    public string? Address { get; set; }
    public DateOnly? AgreementStart { get; set; }
    public DateOnly? AgreementEnd { get; set; }

    public static IncubatorInput Of(IncubatorRow row) => new()
    {
        Name = row.Name, City = row.City, Region = row.Region, Operator = row.Operator, Address = row.Address,
        AgreementStart = row.AgreementStart, AgreementEnd = row.AgreementEnd,
    };

    internal void ApplyTo(OffshoreIncubator incubator)
    {
        incubator.Name = Name.Trim();
        incubator.City = City.Trim();
        incubator.Region = Region;
        incubator.Operator = InputChecks.Clean(Operator);
        incubator.Address = InputChecks.Clean(Address);
        incubator.AgreementStart = AgreementStart;
        incubator.AgreementEnd = AgreementEnd;
    }
}
