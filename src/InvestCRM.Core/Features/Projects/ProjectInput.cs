using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Projects;

/// <summary>The editable facts of a project, as a form or the API sends them.</summary>
public sealed record ProjectInput
{
    public int EnterpriseId { get; init; }
    public string Title { get; init; } = "";
    public ProjectSource Source { get; init; } = ProjectSource.SelfSourced;
    public int? IncubatorId { get; init; }
    public int? EventId { get; init; }
    public string? OwnerId { get; init; }
    public int? TeamId { get; init; }
    public int? ParkId { get; init; }
    public int? ChainId { get; init; }
    public int? ChainNodeId { get; init; }
    public decimal? PlannedInvestmentWan { get; init; }
    public decimal? ExpectedOutputWan { get; init; }
    public decimal? ExpectedTaxWan { get; init; }
    public decimal? LandMu { get; init; }
    public int? Jobs { get; init; }
    public bool IsExpansion { get; init; }
    public decimal? ExpansionIncrementWan { get; init; }
    public DateOnly? NextActionOn { get; init; }
    public DateOnly? AgreementDate { get; init; }
    public decimal? SignedAmountWan { get; init; }
    public string? LocalEntityCreditCode { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public DateOnly? ConstructionStartedOn { get; init; }
    public DateOnly? ProductionStartedOn { get; init; }
    public string? Notes { get; init; }

    /// <summary>A second unit credited (park, team or incubator) and its share when the plan splits credit.</summary>
    public TargetScope? SecondaryCreditScope { get; init; }
    public int? SecondaryCreditId { get; init; }
    public decimal? SecondaryCreditPercent { get; init; }

    /// <summary>Rules that need no database: required fields, ranges, codes.</summary>
    public IEnumerable<Problem> Check()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            yield return new Problem("Validation.Required", nameof(Title));
        }
        else if (Title.Trim().Length > 200)
        {
            yield return new Problem("Validation.TooLong", nameof(Title));
        }

        if (Source == ProjectSource.OffshoreIncubator && IncubatorId is null)
        {
            yield return new Problem("Rule.IncubatorRequired", nameof(IncubatorId));
        }

        if (Source == ProjectSource.Event && EventId is null)
        {
            yield return new Problem("Rule.EventRequired", nameof(EventId));
        }

        if (IsExpansion && ExpansionIncrementWan is null)
        {
            yield return new Problem("Rule.ExpansionIncrementRequired", nameof(ExpansionIncrementWan));
        }

        foreach (var (field, value) in Amounts())
        {
            if (value is < 0 or > 100_000_000m)
            {
                yield return new Problem("Validation.Range", field);
            }
        }

        foreach (var problem in CheckSecondaryCredit())
        {
            yield return problem;
        }

        if (!string.IsNullOrWhiteSpace(LocalEntityCreditCode) && !CreditCode.IsValid(CreditCode.Normalize(LocalEntityCreditCode)))
        {
            yield return new Problem("Rule.CreditCodeInvalid", nameof(LocalEntityCreditCode));
        }

        foreach (var problem in StageDates.Check(AgreementDate, RegisteredOn, ConstructionStartedOn, ProductionStartedOn))
        {
            yield return problem;
        }
    }

    private IEnumerable<Problem> CheckSecondaryCredit()
    {
        if (SecondaryCreditId is null)
        {
            yield break;
        }

        if (SecondaryCreditScope is not (TargetScope.Park or TargetScope.Team or TargetScope.Incubator))
        {
            yield return new Problem("Rule.SecondaryCreditScope", nameof(SecondaryCreditScope));
        }

        if (SecondaryCreditPercent is not null and (<= 0 or >= 100))
        {
            yield return new Problem("Validation.Range", nameof(SecondaryCreditPercent));
        }
    }

    private IEnumerable<(string, decimal?)> Amounts() =>
    [
        (nameof(PlannedInvestmentWan), PlannedInvestmentWan), (nameof(ExpectedOutputWan), ExpectedOutputWan),
        (nameof(ExpectedTaxWan), ExpectedTaxWan), (nameof(LandMu), LandMu), (nameof(Jobs), Jobs),
        (nameof(ExpansionIncrementWan), ExpansionIncrementWan), (nameof(SignedAmountWan), SignedAmountWan),
    ];

    public void ApplyTo(Project project)
    {
        project.EnterpriseId = EnterpriseId;
        project.Title = Title.Trim();
        project.Source = Source;
        project.IncubatorId = IncubatorId;
        project.EventId = EventId;
        project.TeamId = TeamId;
        project.ParkId = ParkId;
        project.ChainId = ChainId;
        project.ChainNodeId = ChainNodeId;
        project.PlannedInvestmentWan = PlannedInvestmentWan;
        project.ExpectedOutputWan = ExpectedOutputWan;
        project.ExpectedTaxWan = ExpectedTaxWan;
        project.LandMu = LandMu;
        project.Jobs = Jobs;
        project.IsExpansion = IsExpansion;
        project.ExpansionIncrementWan = IsExpansion ? ExpansionIncrementWan : null;
        project.NextActionOn = NextActionOn;
        project.AgreementDate = AgreementDate;
        project.SignedAmountWan = SignedAmountWan;
        project.LocalEntityCreditCode = string.IsNullOrWhiteSpace(LocalEntityCreditCode) ? null : CreditCode.Normalize(LocalEntityCreditCode);
        project.RegisteredOn = RegisteredOn;
        project.ConstructionStartedOn = ConstructionStartedOn;
        project.ProductionStartedOn = ProductionStartedOn;
        project.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        project.SecondaryCreditScope = SecondaryCreditId is null ? null : SecondaryCreditScope;
        project.SecondaryCreditId = SecondaryCreditId;
        project.SecondaryCreditPercent = SecondaryCreditId is null ? null : SecondaryCreditPercent;
    }

    public static ProjectInput From(Project p) => new()
    {
        EnterpriseId = p.EnterpriseId, Title = p.Title, Source = p.Source, IncubatorId = p.IncubatorId, EventId = p.EventId,
        OwnerId = p.OwnerId, TeamId = p.TeamId, ParkId = p.ParkId, ChainId = p.ChainId, ChainNodeId = p.ChainNodeId,
        PlannedInvestmentWan = p.PlannedInvestmentWan, ExpectedOutputWan = p.ExpectedOutputWan, ExpectedTaxWan = p.ExpectedTaxWan,
        LandMu = p.LandMu, Jobs = p.Jobs, IsExpansion = p.IsExpansion, ExpansionIncrementWan = p.ExpansionIncrementWan,
        NextActionOn = p.NextActionOn, AgreementDate = p.AgreementDate, SignedAmountWan = p.SignedAmountWan,
        LocalEntityCreditCode = p.LocalEntityCreditCode, RegisteredOn = p.RegisteredOn,
        ConstructionStartedOn = p.ConstructionStartedOn, ProductionStartedOn = p.ProductionStartedOn, Notes = p.Notes,
        SecondaryCreditScope = p.SecondaryCreditScope, SecondaryCreditId = p.SecondaryCreditId, SecondaryCreditPercent = p.SecondaryCreditPercent,
    };
}
