using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using InvestCRM.Web;

namespace InvestCRM.Tests.Infrastructure;

/// <summary>Every text exists in Chinese and in English, once.</summary>
public sealed class ResourceFilesTests
{
    private static readonly ResourceManager Resources = new("InvestCRM.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Fact]
    public void Every_key_is_in_both_languages()
    {
        var zh = Keys(CultureInfo.InvariantCulture);
        var en = Keys(CultureInfo.GetCultureInfo("en"));

        Assert.Empty(zh.Except(en).Order());
        Assert.Empty(en.Except(zh).Order());
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public void No_key_is_written_twice(string file)
    {
        var keys = Regex.Matches(File.ReadAllText(Path.Combine(ResourceFolder(), file)), "<data name=\"([^\"]+)\"").Select(m => m.Groups[1].Value);

        Assert.Empty(keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    private static HashSet<string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();

    /// <summary>The web project's resources in the source tree, found from the test's output folder upwards.</summary>
    private static string ResourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "src", "InvestCRM.Web", "Resources");
            if (Directory.Exists(folder))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException("src/InvestCRM.Web/Resources not found above " + AppContext.BaseDirectory);
    }
}
