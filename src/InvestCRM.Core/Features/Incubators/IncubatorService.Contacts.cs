using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Incubators;

public sealed partial class IncubatorService
{
    /// <summary>The contact for its edit page; null when either is unknown or out of scope.</summary>
    public async Task<IncubatorContactForm?> ContactFormAsync(int incubatorId, int contactId, CancellationToken ct = default) =>
        await db.IncubatorContacts.AsNoTracking()
            .Where(c => c.Id == contactId && c.IncubatorId == incubatorId && db.Incubators.Any(i => i.Id == incubatorId))
            .Select(c => new IncubatorContactForm(db.Incubators.Where(i => i.Id == incubatorId).Select(i => i.Name).First(),
                new IncubatorContactRow(c.Id, c.Name, c.Title, c.Phone, c.Email)))
            .FirstOrDefaultAsync(ct);

    public async Task<Outcome> AddContactAsync(int incubatorId, IncubatorContactInput input, CancellationToken ct = default)
    {
        if (!await db.Incubators.AnyAsync(i => i.Id == incubatorId, ct))
        {
            return Outcome.NotFound();
        }

        if (Refusal(input) is { } refused)
        {
            return refused;
        }

        var contact = new IncubatorContact { IncubatorId = incubatorId, Name = "" };
        input.ApplyTo(contact);
        db.IncubatorContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(contact.Id);
    }

    public async Task<Outcome> UpdateContactAsync(int incubatorId, int contactId, IncubatorContactInput input, CancellationToken ct = default)
    {
        var contact = await FindContactAsync(incubatorId, contactId, ct);
        if (contact is null)
        {
            return Outcome.NotFound();
        }

        if (Refusal(input) is { } refused)
        {
            return refused;
        }

        input.ApplyTo(contact);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(contact.Id);
    }

    public async Task<Outcome> RemoveContactAsync(int incubatorId, int contactId, CancellationToken ct = default)
    {
        var contact = await FindContactAsync(incubatorId, contactId, ct);
        if (contact is null)
        {
            return Outcome.NotFound();
        }

        if (!db.User.IsLeadership)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        db.IncubatorContacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(incubatorId);
    }

    private Task<IncubatorContact?> FindContactAsync(int incubatorId, int contactId, CancellationToken ct) =>
        db.IncubatorContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.IncubatorId == incubatorId
            && db.Incubators.Any(i => i.Id == incubatorId), ct);

    /// <summary>Managers and admins keep the incubator's contacts; the input must be valid.</summary>
    private Outcome? Refusal(IncubatorContactInput input)
    {
        if (!db.User.IsLeadership)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = input.Check();
        return problems.Count > 0 ? Outcome.Refused(problems) : null;
    }
}
