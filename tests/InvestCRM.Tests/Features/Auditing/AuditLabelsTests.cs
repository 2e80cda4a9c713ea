using System.Collections;
using System.Globalization;
using System.Resources;
using InvestCRM.Data;
using InvestCRM.Features.Auditing;
using InvestCRM.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestCRM.Tests.Features.Auditing;

/// <summary>
/// Every field an audited record can write to its trail, and every value of an enum such a field holds, has words in
/// both languages, so a property added later cannot show up in the trail by its C# name.
/// </summary>
public sealed class AuditLabelsTests
{
    private static readonly ResourceManager Resources = new("InvestCRM.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    // The neutral resources are Chinese; English is a satellite. Neither falls back to the other here.
    private static readonly Dictionary<string, ISet<string>> Languages = new()
    {
        ["zh"] = Keys(CultureInfo.InvariantCulture),
        ["en"] = Keys(CultureInfo.GetCultureInfo("en")),
    };

    [Fact]
    public void Every_audited_field_has_a_label_in_both_languages()
    {
        var wanted = AuditedProperties().Select(p => $"Field.{p.DeclaringType.ClrType.Name}.{p.Name}");

        var missing = Missing(wanted);
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_value_of_an_audited_enum_has_a_name_in_both_languages()
    {
        var wanted = AuditedProperties()
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
            .Where(t => t.IsEnum)
            .Distinct()
            .SelectMany(t => Enum.GetNames(t).Select(name => $"Enum.{t.Name}.{name}"));

        var missing = Missing(wanted);
        Assert.True(missing.Count == 0, "Missing: " + string.Join(", ", missing));
    }

    /// <summary>The properties <see cref="AuditRecorder"/> writes, of every audited record.</summary>
    private static IEnumerable<IProperty> AuditedProperties()
    {
        using var db = CrmDbContextFactory.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" }, Path.GetTempPath());
        var audited = db.Model.GetEntityTypes().Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType)).ToList();
        Assert.NotEmpty(audited);
        return audited.SelectMany(e => e.GetProperties()).Where(AuditRecorder.IsRecorded).ToList();
    }

    private static List<string> Missing(IEnumerable<string> keys) =>
        keys.Distinct().SelectMany(key => Languages.Where(l => !l.Value.Contains(key)).Select(l => $"{key} ({l.Key})")).Order().ToList();

    private static HashSet<string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet();
}
