using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Enterprises;

public sealed partial class EnterpriseService
{
    public async Task<Outcome> AddContactAsync(int enterpriseId, ContactInput input, CancellationToken ct = default)
    {
        if (!await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, ct))
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        var problems = CheckContact(input);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var contact = new Contact { EnterpriseId = enterpriseId, Name = "" };
        input.ApplyTo(contact);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(contact.Id);
    }

    public async Task<Outcome> UpdateContactAsync(int enterpriseId, int contactId, ContactInput input, CancellationToken ct = default)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId && c.EnterpriseId == enterpriseId, ct);
        if (contact is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        var problems = CheckContact(input);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        input.ApplyTo(contact);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(contact.Id);
    }

    /// <summary>A contact someone met is part of the activity log, so it stays once an activity names it.</summary>
    public async Task<Outcome> RemoveContactAsync(int enterpriseId, int contactId, CancellationToken ct = default)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId && c.EnterpriseId == enterpriseId, ct);
        if (contact is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        if (!CanEdit)
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        if (await db.ActivityContacts.AnyAsync(a => a.ContactId == contactId, ct))
        {
            return Outcome.Refused(new Problem("Rule.ContactInUse"));
        }

        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(enterpriseId);
    }

    private List<Problem> CheckContact(ContactInput input) =>
        CanEdit ? input.Check().ToList() : [new Problem("Rule.NotAllowed")];
}
