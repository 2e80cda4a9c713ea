using System.Globalization;
using System.Resources;
using InvestCRM.Web;

namespace InvestCRM.Tests.Fixtures;

/// <summary>
/// The words a page should show, read from the app's own resources, so copy edits do not break tests
/// while a page in the wrong language (or showing a resource key) still does.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Resources =
        new("InvestCRM.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Chinese(string key) => Get(key, "zh-CN");

    public static string English(string key) => Get(key, "en-US");

    private static string Get(string key, string culture) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(culture))
        ?? throw new KeyNotFoundException($"No UI text {key} for {culture}.");
}
