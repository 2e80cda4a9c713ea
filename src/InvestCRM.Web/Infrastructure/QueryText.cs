using System.Globalization;

namespace InvestCRM.Web.Infrastructure;

/// <summary>
/// Values from the address bar. Pages take them as text and read them here, so a value that does not parse (a link
/// edited by hand, ?page=abc) is ignored rather than failing the page: typed query parameters throw before the page runs.
/// </summary>
public static class QueryText
{
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A yyyy-MM-dd date a user could mean: years 1900 to 2999 (0001-01-01 would overflow the day's bounds in China time).</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && value.Year is >= 1900 and <= 2999
            ? value
            : null;

    /// <summary>"true" in any case, or "1"; anything else is false.</summary>
    public static bool Flag(string? text) => text == "1" || (bool.TryParse(text, out var value) && value);
}
