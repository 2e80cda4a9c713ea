using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;

namespace InvestCRM.Features.Projects;

/// <summary>
/// Facts entered together with a stage move (the move form asks for what the target stage needs).
/// Only the values given are applied; they are saved with the move or not at all.
/// </summary>
public sealed record StageFacts
{
    public DateOnly? AgreementDate { get; init; }
    public decimal? SignedAmountWan { get; init; }
    public string? LocalEntityCreditCode { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public DateOnly? ConstructionStartedOn { get; init; }
    public DateOnly? ProductionStartedOn { get; init; }

    public IEnumerable<Problem> Check()
    {
        if (SignedAmountWan is <= 0 or > 100_000_000m)
        {
            yield return new Problem("Validation.Range", nameof(SignedAmountWan));
        }

        if (!string.IsNullOrWhiteSpace(LocalEntityCreditCode) && !CreditCode.IsValid(CreditCode.Normalize(LocalEntityCreditCode)))
        {
            yield return new Problem("Rule.CreditCodeInvalid", nameof(LocalEntityCreditCode));
        }
    }

    public void ApplyTo(Project project)
    {
        project.AgreementDate = AgreementDate ?? project.AgreementDate;
        project.SignedAmountWan = SignedAmountWan ?? project.SignedAmountWan;
        project.LocalEntityCreditCode = string.IsNullOrWhiteSpace(LocalEntityCreditCode)
            ? project.LocalEntityCreditCode
            : CreditCode.Normalize(LocalEntityCreditCode);
        project.RegisteredOn = RegisteredOn ?? project.RegisteredOn;
        project.ConstructionStartedOn = ConstructionStartedOn ?? project.ConstructionStartedOn;
        project.ProductionStartedOn = ProductionStartedOn ?? project.ProductionStartedOn;
    }
}
