using InvestCRM.Features.Projects;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Projects;

/// <summary>The export's texts: its column headers and a line saying which filter produced it.</summary>
public static class ExportFilterText
{
    public static IReadOnlyList<string> Headers(IStringLocalizer l) =>
    [
        l["Projects.Title"], l["Projects.Enterprise"], l["Projects.Stage"], l["Common.Status"], l["Projects.Source"],
        l["Projects.Owner"], l["Projects.Park"], l["Projects.Chain"], l["Projects.InvestmentWan"], l["Projects.NextAction"],
        l["Projects.Created"], l["Projects.Updated"],
    ];

    public static string Describe(ProjectFilter f, ProjectOptions o, IStringLocalizer l)
    {
        var stages = o.Stages.Select(s => new Option(s.Id.ToString(), s.NameZh, s.NameEn)).ToList();
        var parts = new[]
        {
            Part(l["Projects.Stage"], Find(stages, f.StageId?.ToString())),
            Part(l["Common.Status"], f.Status is { } status ? l.Enum(status) : null),
            Part(l["Projects.Owner"], Find(o.Owners, f.OwnerId)),
            Part(l["Projects.Team"], Find(o.Teams, f.TeamId?.ToString())),
            Part(l["Projects.Park"], Find(o.Parks, f.ParkId?.ToString())),
            Part(l["Projects.Chain"], Find(o.Chains, f.ChainId?.ToString())),
            Part(l["Projects.Source"], f.Source is { } source ? l.Enum(source) : null),
            Part(l["Projects.Incubator"], Find(o.Incubators, f.IncubatorId?.ToString())),
            Part(l["Projects.Search"], f.Text),
        }.OfType<string>().ToList();
        return l["Projects.ExportFilter", parts.Count == 0 ? l["Projects.All"] : string.Join(Display.Separator, parts), Display.DateTime(DateTimeOffset.Now)];
    }

    private static string? Part(string label, string? value) => value is null ? null : label + Display.Colon + value;

    private static string? Find(IReadOnlyList<Option> options, string? id) =>
        id is null ? null : options.FirstOrDefault(x => x.Id == id) is { } found ? Display.Name(found.Zh, found.En) : id;
}
