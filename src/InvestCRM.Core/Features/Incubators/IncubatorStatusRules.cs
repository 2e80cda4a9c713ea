namespace InvestCRM.Features.Incubators;

/// <summary>
/// An incubator's life: planned → signed → operating, suspended and back, closed for good.
/// Suspending or closing one is a decision someone must explain, so it needs a note.
/// </summary>
public static class IncubatorStatusRules
{
    private static readonly Dictionary<IncubatorStatus, IncubatorStatus[]> Next = new()
    {
        [IncubatorStatus.Planned] = [IncubatorStatus.Signed, IncubatorStatus.Closed],
        [IncubatorStatus.Signed] = [IncubatorStatus.Operating, IncubatorStatus.Suspended, IncubatorStatus.Closed],
        [IncubatorStatus.Operating] = [IncubatorStatus.Suspended, IncubatorStatus.Closed],
        [IncubatorStatus.Suspended] = [IncubatorStatus.Operating, IncubatorStatus.Closed],
        [IncubatorStatus.Closed] = [],
    };

    public const int NoteMaxLength = 500;

    /// <summary>The statuses an incubator in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<IncubatorStatus> AllowedFrom(IncubatorStatus from) => Next.GetValueOrDefault(from, []);

    /// <summary>
    /// The resource key of why an incubator in <paramref name="status"/> may not refer new leads, or null when it may.
    /// A suspended incubator is paused until the park resumes it, so it refers nothing meanwhile; a closed one never again.
    /// </summary>
    public static string? RefusesReferrals(IncubatorStatus status) => status switch
    {
        IncubatorStatus.Suspended => "Rule.IncubatorSuspended",
        IncubatorStatus.Closed => "Rule.IncubatorClosed",
        _ => null,
    };

    /// <summary>Whether a refusal is <see cref="RefusesReferrals"/>'s: about the incubator, nothing the request could correct.</summary>
    public static bool IsReferralRefusal(string code) =>
        code == RefusesReferrals(IncubatorStatus.Suspended) || code == RefusesReferrals(IncubatorStatus.Closed);

    public static bool NeedsNote(IncubatorStatus to) => to is IncubatorStatus.Suspended or IncubatorStatus.Closed;

    /// <summary>The resource key of the first rule the move breaks, or null when it is allowed.</summary>
    public static string? Check(IncubatorStatus from, IncubatorStatus to, string? note) =>
        !Enum.IsDefined(to) ? "Validation.UnknownChoice"
        : from == to ? "Rule.IncubatorSameStatus"
        : !AllowedFrom(from).Contains(to) ? "Rule.IncubatorStatusNotAllowed"
        : NeedsNote(to) && string.IsNullOrWhiteSpace(note) ? "Rule.IncubatorNoteRequired"
        : note?.Trim().Length > NoteMaxLength ? "Validation.TooLong"
        : null;
}
