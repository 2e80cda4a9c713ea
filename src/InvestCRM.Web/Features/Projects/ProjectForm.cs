using System.ComponentModel.DataAnnotations;
using InvestCRM.Features.Projects;

namespace InvestCRM.Web.Features.Projects;

/// <summary>The edit form's model: the fields of <see cref="ProjectInput"/> plus the version the user started from.</summary>
public sealed class ProjectForm
{
    [Range(1, int.MaxValue, ErrorMessage = "Validation.Required")]
    public int EnterpriseId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string Title { get; set; } = "";

    public ProjectSource Source { get; set; } = ProjectSource.SelfSourced;
    public int? IncubatorId { get; set; }
    public int? EventId { get; set; }
    public string? OwnerId { get; set; }
    public int? TeamId { get; set; }
    public int? ParkId { get; set; }
    public int? ChainId { get; set; }
    public int? ChainNodeId { get; set; }
    public decimal? PlannedInvestmentWan { get; set; }
    public decimal? ExpectedOutputWan { get; set; }
    public decimal? ExpectedTaxWan { get; set; }
    public decimal? LandMu { get; set; }
    public int? Jobs { get; set; }
    public bool IsExpansion { get; set; }
    public decimal? ExpansionIncrementWan { get; set; }
    public DateOnly? NextActionOn { get; set; }
    public DateOnly? AgreementDate { get; set; }
    public decimal? SignedAmountWan { get; set; }

    [StringLength(18, ErrorMessage = "Validation.TooLong")]
    public string? LocalEntityCreditCode { get; set; }

    public DateOnly? RegisteredOn { get; set; }
    public DateOnly? ConstructionStartedOn { get; set; }
    public DateOnly? ProductionStartedOn { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.TooLong")]
    public string? Notes { get; set; }

    public int Version { get; set; }

    public ProjectInput ToInput() => new()
    {
        EnterpriseId = EnterpriseId, Title = Title, Source = Source, IncubatorId = IncubatorId, EventId = EventId,
        OwnerId = string.IsNullOrEmpty(OwnerId) ? null : OwnerId, TeamId = TeamId, ParkId = ParkId, ChainId = ChainId,
        ChainNodeId = ChainNodeId, PlannedInvestmentWan = PlannedInvestmentWan, ExpectedOutputWan = ExpectedOutputWan,
        ExpectedTaxWan = ExpectedTaxWan, LandMu = LandMu, Jobs = Jobs, IsExpansion = IsExpansion, ExpansionIncrementWan = ExpansionIncrementWan,
        NextActionOn = NextActionOn, AgreementDate = AgreementDate, SignedAmountWan = SignedAmountWan,
        LocalEntityCreditCode = LocalEntityCreditCode, RegisteredOn = RegisteredOn, ConstructionStartedOn = ConstructionStartedOn,
        ProductionStartedOn = ProductionStartedOn, Notes = Notes,
    };

    public static ProjectForm From(ProjectInput i, int version) => new()
    {
        EnterpriseId = i.EnterpriseId, Title = i.Title, Source = i.Source, IncubatorId = i.IncubatorId, EventId = i.EventId,
        OwnerId = i.OwnerId, TeamId = i.TeamId, ParkId = i.ParkId, ChainId = i.ChainId, ChainNodeId = i.ChainNodeId,
        PlannedInvestmentWan = i.PlannedInvestmentWan, ExpectedOutputWan = i.ExpectedOutputWan, ExpectedTaxWan = i.ExpectedTaxWan,
        LandMu = i.LandMu, Jobs = i.Jobs, IsExpansion = i.IsExpansion, ExpansionIncrementWan = i.ExpansionIncrementWan,
        NextActionOn = i.NextActionOn, AgreementDate = i.AgreementDate, SignedAmountWan = i.SignedAmountWan,
        LocalEntityCreditCode = i.LocalEntityCreditCode, RegisteredOn = i.RegisteredOn, ConstructionStartedOn = i.ConstructionStartedOn,
        ProductionStartedOn = i.ProductionStartedOn, Notes = i.Notes, Version = version,
    };

    /// <summary>The fields where the user's values and the saved ones differ (for the conflict view).</summary>
    public static IReadOnlyList<(string Field, object? Yours, object? Current)> Differences(ProjectInput yours, ProjectInput current) =>
        typeof(ProjectInput).GetProperties()
            .Select(p => (p.Name, Yours: p.GetValue(yours), Current: p.GetValue(current)))
            .Where(d => !Equals(Normal(d.Yours), Normal(d.Current)))
            .ToList();

    // An empty text box and a missing value are the same answer.
    private static object? Normal(object? value) => value is string s && string.IsNullOrWhiteSpace(s) ? null : value is string t ? t.Trim() : value;
}
