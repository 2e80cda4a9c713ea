using System.Text.RegularExpressions;
using InvestCRM.Data;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Stages;

public sealed record StageRow(int Id, string Code, int Order, string NameZh, string NameEn, bool CountsAsIntroduced, bool IsTerminal, ProjectFacts RequiredFacts);

/// <summary>The pipeline stages admins configure; the order number sets their sequence.</summary>
public sealed partial class StageService(CrmDbContext db)
{
    public async Task<IReadOnlyList<StageRow>> ListAsync(CancellationToken ct = default) =>
        await Rows(db.Stages.OrderBy(s => s.Order)).ToListAsync(ct);

    public async Task<StageRow?> FindAsync(int id, CancellationToken ct = default) =>
        await Rows(db.Stages.Where(s => s.Id == id)).FirstOrDefaultAsync(ct);

    public async Task<Outcome> CreateAsync(StageInput input, CancellationToken ct = default)
    {
        var code = input.Code?.Trim() ?? "";
        var checks = new InputChecks()
            .When(code.Length == 0, nameof(input.Code), InputChecks.Required)
            .When(code.Length > 40, nameof(input.Code), InputChecks.TooLong)
            .When(code.Length > 0 && !CodePattern().IsMatch(code), nameof(input.Code), "Validation.StageCode");
        checks.When(await db.Stages.AnyAsync(s => s.Code == code, ct), nameof(input.Code), "Validation.CodeTaken");
        return await SaveAsync(new PipelineStage { Code = code, NameZh = "", NameEn = "" }, input, checks, ct);
    }

    /// <summary>The code is kept as it was created: rules and imports refer to it.</summary>
    public async Task<Outcome> UpdateAsync(int id, StageInput input, CancellationToken ct = default) =>
        await db.Stages.FirstOrDefaultAsync(s => s.Id == id, ct) is { } stage
            ? await SaveAsync(stage, input, new InputChecks(), ct)
            : Outcome.NotFound();

    private async Task<Outcome> SaveAsync(PipelineStage stage, StageInput input, InputChecks checks, CancellationToken ct)
    {
        var (zh, en) = (input.NameZh?.Trim() ?? "", input.NameEn?.Trim() ?? "");
        checks.Text(nameof(input.NameZh), input.NameZh, 40, required: true)
            .Text(nameof(input.NameEn), input.NameEn, 60, required: true)
            .When(input.Order is < 1 or > 10_000, nameof(input.Order), InputChecks.Range);
        checks.When(await db.Stages.AnyAsync(s => s.Order == input.Order && s.Id != stage.Id, ct), nameof(input.Order), "Validation.OrderTaken")
            .When(await db.Stages.AnyAsync(s => s.NameZh == zh && s.Id != stage.Id, ct), nameof(input.NameZh), InputChecks.NameTaken)
            .When(await db.Stages.AnyAsync(s => s.NameEn == en && s.Id != stage.Id, ct), nameof(input.NameEn), InputChecks.NameTaken);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        stage.Order = input.Order;
        stage.NameZh = zh;
        stage.NameEn = en;
        stage.CountsAsIntroduced = input.CountsAsIntroduced;
        stage.IsTerminal = input.IsTerminal;
        if (stage.Id == 0)
        {
            db.Stages.Add(stage);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(stage.Id);
    }

    private static IQueryable<StageRow> Rows(IQueryable<PipelineStage> stages) =>
        stages.AsNoTracking().Select(s => new StageRow(s.Id, s.Code, s.Order, s.NameZh, s.NameEn, s.CountsAsIntroduced, s.IsTerminal, s.RequiredFacts));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}

/// <summary>What an admin enters for a stage. Code is read only when the stage is created.</summary>
public sealed class StageInput
{
    public string Code { get; set; } = "";
    public int Order { get; set; }
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool CountsAsIntroduced { get; set; }
    public bool IsTerminal { get; set; }

    public static StageInput Of(StageRow row) => new()
    {
        Code = row.Code, Order = row.Order, NameZh = row.NameZh, NameEn = row.NameEn,
        CountsAsIntroduced = row.CountsAsIntroduced, IsTerminal = row.IsTerminal,
    };
}
