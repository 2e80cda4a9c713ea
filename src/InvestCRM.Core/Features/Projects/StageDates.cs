using InvestCRM.Features.Common;

namespace InvestCRM.Features.Projects;

/// <summary>
/// The dates of the landing stages follow the pipeline: signed, registered, construction started, production started.
/// A date earlier than that of a stage before it is a slip of the keyboard, and would show a project producing before it
/// was signed; any of the four may be missing.
/// </summary>
public static class StageDates
{
    public const string OutOfOrder = "Rule.StageDatesOutOfOrder";
    public const string OutOfRange = "Rule.StageDateOutOfRange";

    /// <summary>No park signed a deal of this system's kind before 2000; a year such as 1900 is a slip.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>
    /// Each date given that is before <see cref="Earliest"/> or after <paramref name="today"/> (China time): these
    /// record what has happened, and a landing dated in 2099 would count towards the plan now.
    /// </summary>
    public static IEnumerable<Problem> CheckRange(
        DateOnly today, DateOnly? agreement, DateOnly? registered, DateOnly? construction, DateOnly? production) =>
        Named(agreement, registered, construction, production)
            .Where(d => d.On is { } on && (on < Earliest || on > today))
            .Select(d => new Problem(OutOfRange, d.Field));

    /// <summary>Each pair of dates in the wrong order: the earlier stage's field and the later stage's.</summary>
    public static IEnumerable<(string Earlier, string Later)> Inversions(
        DateOnly? agreement, DateOnly? registered, DateOnly? construction, DateOnly? production)
    {
        var dates = Named(agreement, registered, construction, production);
        for (var later = 1; later < dates.Length; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (dates[earlier].On is { } before && dates[later].On is { } after && after < before)
                {
                    yield return (dates[earlier].Field, dates[later].Field);
                }
            }
        }
    }

    private static (string Field, DateOnly? On)[] Named(DateOnly? agreement, DateOnly? registered, DateOnly? construction, DateOnly? production) =>
    [
        (nameof(Project.AgreementDate), agreement), (nameof(Project.RegisteredOn), registered),
        (nameof(Project.ConstructionStartedOn), construction), (nameof(Project.ProductionStartedOn), production),
    ];

    /// <summary>The day given, or the latest landing date the project already has if that is later (for generated histories).</summary>
    public static DateOnly NotBeforeEarlierStages(Project project, DateOnly on)
    {
        DateOnly?[] dates = [project.AgreementDate, project.RegisteredOn, project.ConstructionStartedOn, project.ProductionStartedOn];
        return dates.Max() is { } latest && latest > on ? latest : on;
    }

    /// <summary>A whole form's dates: the later stage's field is the one to correct.</summary>
    public static IEnumerable<Problem> Check(DateOnly? agreement, DateOnly? registered, DateOnly? construction, DateOnly? production) =>
        Inversions(agreement, registered, construction, production)
            .Select(p => p.Later).Distinct().Select(field => new Problem(OutOfOrder, field));

    /// <summary>
    /// A move's facts against the project's own: only a date the move gives is questioned, so a project whose stored
    /// dates disagree can still be moved by one that gives none of them.
    /// </summary>
    public static IEnumerable<Problem> CheckGiven(Project project, StageFacts given)
    {
        var named = new Dictionary<string, bool>
        {
            [nameof(Project.AgreementDate)] = given.AgreementDate is not null, [nameof(Project.RegisteredOn)] = given.RegisteredOn is not null,
            [nameof(Project.ConstructionStartedOn)] = given.ConstructionStartedOn is not null,
            [nameof(Project.ProductionStartedOn)] = given.ProductionStartedOn is not null,
        };
        return Inversions(project.AgreementDate, project.RegisteredOn, project.ConstructionStartedOn, project.ProductionStartedOn)
            .Select(p => named[p.Later] ? p.Later : named[p.Earlier] ? p.Earlier : null)
            .OfType<string>().Distinct().Select(field => new Problem(OutOfOrder, field));
    }
}
