using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Incubators;

public sealed partial class IncubatorService
{
    /// <summary>
    /// Moves the incubator to another status and appends the step to its history, in one save (the status field is
    /// audited with it). Managers and admins only.
    /// </summary>
    public async Task<Outcome> ChangeStatusAsync(int id, IncubatorStatus to, string? note, CancellationToken ct = default)
    {
        var incubator = await db.Incubators.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incubator is null)
        {
            return Outcome.NotFound();
        }

        if (!db.User.IsLeadership)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        if (IncubatorStatusRules.Check(incubator.Status, to, note) is { } broken)
        {
            return Outcome.Refused(new Problem(broken, FieldOf(broken)));
        }

        db.IncubatorStatusChanges.Add(new IncubatorStatusChange
        {
            IncubatorId = id, FromStatus = incubator.Status, ToStatus = to, At = clock.GetUtcNow(),
            UserName = db.User.Name, Note = InputChecks.Clean(note),
        });
        incubator.Status = to;
        await db.SaveChangesAsync(ct);
        return Outcome.Done(id);
    }

    /// <summary>The field of the status form a broken rule belongs to.</summary>
    private static string FieldOf(string code) =>
        code is "Rule.IncubatorNoteRequired" or "Validation.TooLong" ? "Note" : "To";
}
