using System.Globalization;

namespace InvestCRM.Features.Projects;

/// <summary>
/// The text of a project search, as the database indexes need it. Lengths count characters as the databases do
/// (code points), not UTF-16 units: one CJK character beyond the basic plane is still one character to an index.
/// </summary>
internal sealed record SearchTerm(string Text)
{
    /// <summary>Characters, as SQLite's length() and PostgreSQL's char_length() count them.</summary>
    public int Length { get; } = Text.EnumerateRunes().Count();

    /// <summary>Whether upper and lower case differ anywhere in the term (Latin letters do, Chinese characters do not).</summary>
    public bool HasCase { get; } = Text.ToLower(CultureInfo.InvariantCulture) != Text.ToUpper(CultureInfo.InvariantCulture);

    /// <summary>"%term%" with LIKE's own wildcards in the term taken literally (escape character: backslash).</summary>
    public string Pattern { get; } = "%" + Text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>The term as one FTS5 phrase: inside double quotes every character is literal, doubled quotes included.</summary>
    public string Phrase => "\"" + Text.Replace("\"", "\"\"") + "\"";
}
