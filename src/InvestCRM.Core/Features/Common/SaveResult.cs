namespace InvestCRM.Features.Common;

/// <summary>A reason a save was refused: the input field it concerns and a resource key the UI shows.</summary>
public sealed record FieldError(string Field, string Key);

/// <summary>
/// What a save did: stored a record (its id), found nothing to save, or refused the input.
/// A refused save has written nothing.
/// </summary>
public sealed record SaveResult(int? Id, IReadOnlyList<FieldError> Errors, bool NotFound = false)
{
    public bool Succeeded => !NotFound && Errors.Count == 0;

    public static SaveResult Saved(int id) => new(id, []);

    public static readonly SaveResult Missing = new(null, [], NotFound: true);

    public static SaveResult Invalid(IReadOnlyList<FieldError> errors) => new(null, errors);
}

/// <summary>A row offered in a select list.</summary>
public sealed record Choice(int Id, string Name, string? NameEn = null);
