using System.Text;

namespace InvestCRM.Features.Enterprises;

/// <summary>
/// Reduces a company name to what identifies it, so that "厦门厦钨新能源材料股份有限公司" and
/// "厦门厦钨新能源材料有限公司（福建）" are recognised as the same firm by the duplicate guard.
/// </summary>
public static class EnterpriseName
{
    // Longest first, so "股份有限公司" goes before "有限公司" can leave "股份" behind.
    private static readonly string[] LegalSuffixes =
    [
        "集团股份有限公司", "股份有限公司", "集团有限责任公司", "有限责任公司", "集团有限公司", "有限公司",
        "集团公司", "分公司", "总公司", "公司", "corporationlimited", "companylimited", "colimited", "coltd",
        "corporation", "company", "limited", "ltd", "inc", "corp", "co", "llc", "gmbh", "plc",
    ];

    public static string Normalize(string name)
    {
        var text = RemoveBracketed(ToHalfWidth(name.Trim()).ToLowerInvariant());
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(c);
            }
        }

        var result = letters.ToString();
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var suffix in LegalSuffixes)
            {
                if (result.Length > suffix.Length && result.EndsWith(suffix, StringComparison.Ordinal))
                {
                    result = result[..^suffix.Length];
                    stripped = true;
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>"(北京)", "（中国）", "[深圳]" and the like name a region or branch, not the firm.</summary>
    private static string RemoveBracketed(string text)
    {
        var result = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '[' or '【' or '〔')
            {
                depth++;
            }
            else if (c is ')' or ']' or '】' or '〕' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Full-width ASCII forms (Ａ, （, ０) as their ordinary counterparts.</summary>
    private static string ToHalfWidth(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\uFF01' and <= '\uFF5E')
            {
                chars[i] = (char)(chars[i] - 0xFEE0);
            }
            else if (chars[i] == '\u3000')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
