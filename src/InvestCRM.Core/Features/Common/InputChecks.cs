namespace InvestCRM.Features.Common;

/// <summary>Collects the problems of an input while a service checks it; codes are resource keys (Validation.*).</summary>
public sealed class InputChecks
{
    public const string Required = "Validation.Required";
    public const string TooLong = "Validation.TooLong";
    public const string NotNegative = "Validation.NotNegative";
    public const string Range = "Validation.Range";
    public const string NameTaken = "Validation.NameTaken";
    public const string Unknown = "Validation.UnknownChoice";

    private readonly List<Problem> _problems = [];

    public bool HasProblems => _problems.Count > 0;

    public IReadOnlyList<Problem> Problems => _problems;

    public InputChecks Add(string field, string code)
    {
        // One message per field is enough; the first check that fails says what to fix.
        if (!_problems.Any(p => p.Field == field))
        {
            _problems.Add(new Problem(code, field));
        }

        return this;
    }

    public InputChecks When(bool failed, string field, string code) => failed ? Add(field, code) : this;

    public InputChecks Text(string field, string? value, int maxLength, bool required = false) =>
        When(required && string.IsNullOrWhiteSpace(value), field, Required)
            .When(value?.Trim().Length > maxLength, field, TooLong);

    public InputChecks Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum =>
        When(!Enum.IsDefined(value), field, Unknown);

    public Outcome ToOutcome() => Outcome.Refused(_problems);

    /// <summary>Trimmed text, or null when blank, as stored.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
