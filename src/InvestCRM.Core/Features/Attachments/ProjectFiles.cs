using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Attachments;

/// <summary>A file of a project: uploaded by staff, or by the incubator whose referral became the project.</summary>
public sealed record ProjectFile(long Id, string FileName, long Size, DateTimeOffset UploadedAt, string? UploadedBy, int? ReferralId);

/// <summary>
/// The files of a project (business plans, agreements, photos of a visit). Staff files are staff-only; the files a
/// partner attached to its referral stay visible to that incubator, and are listed on the project it became.
/// </summary>
public sealed class ProjectFiles(CrmDbContext db, AttachmentStore files)
{
    /// <summary>Newest first; a project the caller cannot see has none.</summary>
    public async Task<IReadOnlyList<ProjectFile>> ListAsync(int projectId, CancellationToken ct = default) =>
        await db.Attachments.AsNoTracking().Where(a => a.ProjectId == projectId && db.Projects.Any(p => p.Id == projectId))
            .OrderByDescending(a => a.Id)
            .Select(a => new ProjectFile(a.Id, a.FileName, a.Size, a.UploadedAt,
                db.Users.Where(u => u.Id == a.UploadedById).Select(u => u.DisplayName).FirstOrDefault(), a.ReferralId))
            .ToListAsync(ct);

    /// <summary>Whoever may edit the project may add its files; the file is checked and written before the row is saved.</summary>
    public async Task<Outcome> AttachAsync(int projectId, UploadedFile file, CancellationToken ct = default)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null)
        {
            return Outcome.NotFound();
        }

        if (db.User.UserId is null || !ProjectAccess.CanEdit(db.User, project))
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var (attachment, problem) = await files.WriteAsync(file, incubatorId: null, ct);
        if (problem is not null)
        {
            return Outcome.Refused(problem);
        }

        attachment!.ProjectId = project.Id;
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            files.Discard(attachment);
            throw;
        }

        return Outcome.Done(project.Id);
    }
}
