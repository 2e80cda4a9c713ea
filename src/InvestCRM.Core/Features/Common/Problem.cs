namespace InvestCRM.Features.Common;

/// <summary>
/// Why an operation was refused: a resource key the UI shows in the user's language ("Rule.MissingFact.AgreementDate"),
/// and the field it concerns, if any. A refused operation has changed nothing.
/// </summary>
public sealed record Problem(string Code, string? Field = null);

/// <summary>The result of a command: done (with the id touched) or refused with reasons.</summary>
public sealed record Outcome(IReadOnlyList<Problem> Problems, int Id = 0)
{
    public const string NotFoundCode = "Rule.NotFound";

    public bool Succeeded => Problems.Count == 0;

    /// <summary>The record to change does not exist (or lies outside the user's scope): pages answer 404.</summary>
    public bool IsNotFound => Problems.Any(p => p.Code == NotFoundCode);

    public static Outcome NotFound() => Refused(new Problem(NotFoundCode));

    public static Outcome Done(int id = 0) => new([], id);

    public static Outcome Refused(params Problem[] problems) => new(problems);

    public static Outcome Refused(IEnumerable<Problem> problems) => new(problems.ToList());
}
