using InvestCRM.Features.Common;
using InvestCRM.Features.Stages;

namespace InvestCRM.Features.Projects;

/// <summary>What is being asked of a project's position in the pipeline, with any facts the target stage needs.</summary>
public sealed record StageMove(int ToStageId, string? Reason)
{
    public StageFacts? Facts { get; init; }
}

/// <summary>
/// The one rule set every stage change goes through, whether from the project page, the board,
/// an import or the partner API. Pure: it only looks at the project, the stages and the request.
/// </summary>
public static class StageRules
{
    public static IReadOnlyList<Problem> CheckMove(Project project, IReadOnlyList<PipelineStage> stages, StageMove move)
    {
        var from = stages.FirstOrDefault(s => s.Id == project.StageId);
        var to = stages.FirstOrDefault(s => s.Id == move.ToStageId);
        if (from is null || to is null)
        {
            return [new Problem("Rule.UnknownStage", "Stage")];
        }

        if (from.Id == to.Id)
        {
            return [new Problem("Rule.SameStage", "Stage")];
        }

        if (project.Status != ProjectStatus.Active)
        {
            return [new Problem("Rule.NotActive", "Stage")];
        }

        if (to.Order < from.Order)
        {
            return HasReason(move.Reason) ? [] : [new Problem("Rule.ReasonRequired.Backward", "Reason")];
        }

        return MissingFacts(project, FactsRequiredBetween(stages, from, to))
            .Select(f => new Problem($"Rule.MissingFact.{f}", f.ToString()))
            .ToList();
    }

    public static IReadOnlyList<Problem> CheckStatus(Project project, ProjectStatus status, string? reason, DropReason? category = null)
    {
        if (project.Status == status)
        {
            return [new Problem("Rule.SameStatus", "Status")];
        }

        var problems = new List<Problem>();
        if (status is ProjectStatus.Dropped or ProjectStatus.OnHold && !HasReason(reason))
        {
            problems.Add(new Problem($"Rule.ReasonRequired.{status}", "Reason"));
        }

        // The funnel counts drops by category; a category outside the list is as good as none.
        if (status == ProjectStatus.Dropped && (category is null || !Enum.IsDefined(category.Value)))
        {
            problems.Add(new Problem("Rule.DropReasonRequired", "DropReason"));
        }

        return problems;
    }

    /// <summary>Jumping several stages ahead needs the facts of every stage passed on the way.</summary>
    public static ProjectFacts FactsRequiredBetween(IReadOnlyList<PipelineStage> stages, PipelineStage from, PipelineStage to) =>
        stages.Where(s => s.Order > from.Order && s.Order <= to.Order)
            .Aggregate(ProjectFacts.None, (facts, s) => facts | s.RequiredFacts);

    public static IEnumerable<ProjectFacts> MissingFacts(Project project, ProjectFacts required) =>
        Enum.GetValues<ProjectFacts>()
            .Where(f => f != ProjectFacts.None && required.HasFlag(f) && !Has(project, f));

    public static bool Has(Project project, ProjectFacts fact) => fact switch
    {
        ProjectFacts.AgreementDate => project.AgreementDate is not null,
        ProjectFacts.SignedAmount => project.SignedAmountWan is > 0,
        ProjectFacts.LocalEntityCreditCode => project.LocalEntityCreditCode is not null,
        ProjectFacts.RegistrationDate => project.RegisteredOn is not null,
        ProjectFacts.ConstructionStart => project.ConstructionStartedOn is not null,
        ProjectFacts.ProductionStart => project.ProductionStartedOn is not null,
        _ => true,
    };

    /// <summary>Every stage up to and including the target counts as reached (a jump passes through them).</summary>
    public static IEnumerable<PipelineStage> StagesReachedBy(IReadOnlyList<PipelineStage> stages, PipelineStage to) =>
        stages.Where(s => s.Order <= to.Order);

    private static bool HasReason(string? reason) => !string.IsNullOrWhiteSpace(reason);
}
