using System.Globalization;
using System.Text;

namespace InvestCRM.Features.Projects;

/// <summary>
/// What the project list, the board and the export are narrowed and ordered by. It lives in the query string
/// (so a filtered list can be bookmarked, shared and exported as is): <see cref="Parse"/> and <see cref="ToQueryString"/>
/// are each other's inverse.
/// </summary>
public sealed record ProjectFilter
{
    public const int PageSize = 50;
    public static readonly IReadOnlyList<string> SortKeys = ["updated", "created", "title", "investment", "nextAction", "stage"];

    public int? StageId { get; init; }
    public ProjectStatus? Status { get; init; }
    public string? OwnerId { get; init; }
    public int? TeamId { get; init; }
    public int? ParkId { get; init; }
    public int? ChainId { get; init; }
    public ProjectSource? Source { get; init; }
    public int? IncubatorId { get; init; }
    public string? Text { get; init; }
    public string Sort { get; init; } = "updated";
    public bool Descending { get; init; } = true;
    public int Page { get; init; } = 1;

    /// <summary>Reads the filter from query values; anything unknown or malformed is ignored rather than refused.</summary>
    public static ProjectFilter Parse(Func<string, string?> get)
    {
        var sort = SortKeys.FirstOrDefault(k => string.Equals(k, get("sort"), StringComparison.OrdinalIgnoreCase)) ?? "updated";
        return new ProjectFilter
        {
            StageId = Int(get("stage")), Status = Enum<ProjectStatus>(get("status")), OwnerId = Clean(get("owner")),
            TeamId = Int(get("team")), ParkId = Int(get("park")), ChainId = Int(get("chain")),
            Source = Enum<ProjectSource>(get("source")), IncubatorId = Int(get("incubator")), Text = Clean(get("q")),
            Sort = sort, Descending = get("dir") is { } dir ? !string.Equals(dir, "asc", StringComparison.OrdinalIgnoreCase) : sort != "title",
            Page = Math.Clamp(Int(get("page")) ?? 1, 1, 100_000),
        };
    }

    /// <summary>Only the values that differ from the defaults, so links stay short.</summary>
    public string ToQueryString()
    {
        var parts = new StringBuilder();
        foreach (var (key, value) in Values())
        {
            parts.Append(parts.Length == 0 ? "" : "&").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return parts.ToString();
    }

    public IEnumerable<(string Key, string Value)> Values()
    {
        if (StageId is { } stage) yield return ("stage", Str(stage));
        if (Status is { } status) yield return ("status", status.ToString());
        if (OwnerId is { } owner) yield return ("owner", owner);
        if (TeamId is { } team) yield return ("team", Str(team));
        if (ParkId is { } park) yield return ("park", Str(park));
        if (ChainId is { } chain) yield return ("chain", Str(chain));
        if (Source is { } source) yield return ("source", source.ToString());
        if (IncubatorId is { } incubator) yield return ("incubator", Str(incubator));
        if (Text is { } text) yield return ("q", text);
        if (Sort != "updated") yield return ("sort", Sort);
        if (Descending != (Sort != "title")) yield return ("dir", Descending ? "desc" : "asc");
        if (Page > 1) yield return ("page", Str(Page));
    }

    /// <summary>The same filter ordered by <paramref name="key"/>; a second click on the current key flips the direction.</summary>
    public ProjectFilter SortedBy(string key) =>
        this with { Sort = key, Descending = key == Sort ? !Descending : key != "title", Page = 1 };

    public bool IsEmpty => StageId is null && Status is null && OwnerId is null && TeamId is null && ParkId is null
        && ChainId is null && Source is null && IncubatorId is null && Text is null;

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static T? Enum<T>(string? value) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed
            : null;

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > 100 ? trimmed[..100] : trimmed;
    }
}
