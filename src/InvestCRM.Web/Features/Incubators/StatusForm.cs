using InvestCRM.Features.Incubators;

namespace InvestCRM.Web.Features.Incubators;

/// <summary>The status form as posted; the service checks the move and the note.</summary>
public sealed class StatusForm
{
    public IncubatorStatus? To { get; set; }
    public string? Note { get; set; }
}
