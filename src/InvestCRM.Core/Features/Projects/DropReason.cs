namespace InvestCRM.Features.Projects;

/// <summary>Why a project was dropped, as a category the funnel can count; the free-text reason adds the detail.</summary>
public enum DropReason
{
    Funding = 1,
    SiteElsewhere = 2,
    PolicyMismatch = 3,
    StrategyChange = 4,
    LostContact = 5,
    Other = 6,
}
