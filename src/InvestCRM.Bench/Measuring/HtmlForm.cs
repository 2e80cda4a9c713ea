using System.Net;
using System.Text.RegularExpressions;

namespace InvestCRM.Bench.Measuring;

/// <summary>
/// The fields of one form on a rendered page, as a browser would submit them: hidden handler name, antiforgery
/// token and defaults included, so the benchmark keeps working when the page gains a field.
/// </summary>
internal static partial class HtmlForm
{
    /// <summary>The first form that has every one of <paramref name="fields"/>, or null.</summary>
    public static (string? Action, Dictionary<string, string> Fields)? Find(string html, params string[] fields)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var values = Fields(form.Groups["body"].Value);
            if (fields.All(values.ContainsKey))
            {
                var action = AttributePattern("action").Match(form.Groups["open"].Value);
                return (action.Success ? WebUtility.HtmlDecode(action.Groups[1].Value) : null, values);
            }
        }

        return null;
    }

    private static Dictionary<string, string> Fields(string body)
    {
        var values = new Dictionary<string, string>();
        foreach (Match input in InputPattern().Matches(body))
        {
            var tag = input.Value;
            var name = AttributePattern("name").Match(tag);
            var type = AttributePattern("type").Match(tag).Groups[1].Value;
            if (!name.Success || type is "submit" or "button" || (type is "checkbox" or "radio" && !tag.Contains(" checked")))
            {
                continue;
            }

            values.TryAdd(WebUtility.HtmlDecode(name.Groups[1].Value), WebUtility.HtmlDecode(AttributePattern("value").Match(tag).Groups[1].Value));
        }

        foreach (Match select in SelectPattern().Matches(body))
        {
            var options = OptionPattern().Matches(select.Groups["options"].Value).ToList();
            var chosen = options.FirstOrDefault(o => o.Value.Contains(" selected")) ?? options.FirstOrDefault(o => o.Groups[1].Value.Length > 0);
            values.TryAdd(WebUtility.HtmlDecode(select.Groups["name"].Value), chosen is null ? "" : WebUtility.HtmlDecode(chosen.Groups[1].Value));
        }

        foreach (Match area in TextAreaPattern().Matches(body))
        {
            values.TryAdd(WebUtility.HtmlDecode(area.Groups["name"].Value), WebUtility.HtmlDecode(area.Groups["text"].Value));
        }

        return values;
    }

    private static Regex AttributePattern(string attribute) => new($"\\s{attribute}=\"([^\"]*)\"", RegexOptions.IgnoreCase);

    [GeneratedRegex("(?<open><form[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select[^>]*\\sname=\"(?<name>[^\"]*)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("<textarea[^>]*\\sname=\"(?<name>[^\"]*)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaPattern();
}
