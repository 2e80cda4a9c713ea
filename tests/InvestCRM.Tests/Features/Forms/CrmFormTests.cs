using System.Runtime.CompilerServices;

namespace InvestCRM.Tests.Features.Forms;

/// <summary>Only a CrmForm refuses values it cannot read (UnreadableInputTests), so the pages use no other form component.</summary>
public class CrmFormTests
{
    [Fact]
    public void Every_form_of_the_app_is_a_crm_form()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "InvestCRM.Web");
        var pages = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Intersect(["bin", "obj"]).Any()).ToList();

        Assert.Contains(pages, f => File.ReadAllText(f).Contains("<CrmForm ", StringComparison.Ordinal));
        Assert.Equal([Path.Combine(web, "Components", "CrmForm.razor")],
            pages.Where(f => File.ReadAllText(f).Contains("<EditForm", StringComparison.Ordinal)));
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", ".."));
}
