using InvestCRM.Features.Common;

namespace InvestCRM.Features.Enterprises;

/// <summary>The editable facts of an enterprise, as the form or the API sends them.</summary>
public sealed class EnterpriseInput
{
    public string Name { get; set; } = "";
    public string? CreditCode { get; set; }
    public string? Industry { get; set; }
    public string? HqProvince { get; set; }
    public string? HqCity { get; set; }
    public EnterpriseSize? Size { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public string? Tags { get; set; }
    public bool IsLocal { get; set; }
    public List<int> ChainNodeIds { get; set; } = [];

    /// <summary>The code as stored: upper case, no spaces; null when left empty.</summary>
    public string? NormalizedCode => string.IsNullOrWhiteSpace(CreditCode) ? null : Enterprises.CreditCode.Normalize(CreditCode);

    /// <summary>Rules that need no database: required name, lengths, code check character, website form.</summary>
    public IEnumerable<Problem> Check()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new Problem("Validation.Required", nameof(Name));
        }
        else if (EnterpriseName.Normalize(Name).Length == 0)
        {
            yield return new Problem("Rule.NameMeaningless", nameof(Name));
        }

        if (NormalizedCode is { } code && !Enterprises.CreditCode.IsValid(code))
        {
            yield return new Problem("Rule.CreditCodeInvalid", nameof(CreditCode));
        }

        if (!string.IsNullOrWhiteSpace(Website) && NormalizeWebsite(Website) is null)
        {
            yield return new Problem("Validation.Url", nameof(Website));
        }

        foreach (var (field, value, max) in Lengths())
        {
            if (value?.Trim().Length > max)
            {
                yield return new Problem("Validation.TooLong", field);
            }
        }
    }

    private IEnumerable<(string, string?, int)> Lengths() =>
    [
        (nameof(Name), Name, 200), (nameof(Industry), Industry, 100), (nameof(HqProvince), HqProvince, 50),
        (nameof(HqCity), HqCity, 50), (nameof(Website), Website, 300), (nameof(Description), Description, 4000),
        (nameof(Tags), NormalizeTags(Tags), 500),
    ];

    public void ApplyTo(Enterprise enterprise)
    {
        enterprise.Name = Name.Trim();
        enterprise.NormalizedName = EnterpriseName.Normalize(Name);
        enterprise.CreditCode = NormalizedCode;
        enterprise.Industry = Clean(Industry);
        enterprise.HqProvince = Clean(HqProvince);
        enterprise.HqCity = Clean(HqCity);
        enterprise.Size = Size;
        enterprise.Website = string.IsNullOrWhiteSpace(Website) ? null : NormalizeWebsite(Website);
        enterprise.Description = Clean(Description);
        enterprise.Tags = NormalizeTags(Tags);
        enterprise.IsLocal = IsLocal;
    }

    public static EnterpriseInput From(Enterprise e) => new()
    {
        Name = e.Name, CreditCode = e.CreditCode, Industry = e.Industry, HqProvince = e.HqProvince, HqCity = e.HqCity,
        Size = e.Size, Website = e.Website, Description = e.Description, Tags = e.Tags, IsLocal = e.IsLocal,
        ChainNodeIds = e.ChainNodes.Select(n => n.ChainNodeId).Order().ToList(),
    };

    /// <summary>"www.example.cn" typed without a scheme is taken as https; anything else must be an http(s) address.</summary>
    public static string? NormalizeWebsite(string website)
    {
        var text = website.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.')
            ? uri.ToString()
            : null;
    }

    /// <summary>Tags are typed with Chinese or Latin separators; stored once each, comma-separated.</summary>
    public static string? NormalizeTags(string? tags)
    {
        if (string.IsNullOrWhiteSpace(tags))
        {
            return null;
        }

        var parts = tags.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var joined = string.Join(",", parts);
        return joined.Length == 0 ? null : joined;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
