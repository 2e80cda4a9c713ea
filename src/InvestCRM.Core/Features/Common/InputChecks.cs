namespace InvestCRM.Features.Common;

/// <summary>Collects field errors while a service checks an input; keys are resource keys (Validation.*).</summary>
public sealed class InputChecks
{
    public const string Required = "Validation.Required";
    public const string TooLong = "Validation.TooLong";
    public const string NotNegative = "Validation.NotNegative";
    public const string Range = "Validation.Range";
    public const string NameTaken = "Validation.NameTaken";
    public const string Unknown = "Validation.UnknownChoice";

    private readonly List<FieldError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public InputChecks Add(string field, string key)
    {
        // One message per field is enough; the first check that fails says what to fix.
        if (!_errors.Any(e => e.Field == field))
        {
            _errors.Add(new FieldError(field, key));
        }

        return this;
    }

    public InputChecks When(bool failed, string field, string key) => failed ? Add(field, key) : this;

    public InputChecks Text(string field, string? value, int maxLength, bool required = false) =>
        When(required && string.IsNullOrWhiteSpace(value), field, Required)
            .When(value?.Trim().Length > maxLength, field, TooLong);

    public InputChecks Defined<TEnum>(string field, TEnum value) where TEnum : struct, Enum =>
        When(!Enum.IsDefined(value), field, Unknown);

    public SaveResult ToResult() => SaveResult.Invalid(_errors);

    /// <summary>Trimmed text, or null when blank, as stored.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
