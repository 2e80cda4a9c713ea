using System.Security.Cryptography;
using InvestCRM.Data;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InvestCRM.Features.Attachments;

/// <summary>A stored file ready to be read, found through the caller's scope.</summary>
public sealed record StoredFile(string FileName, string ContentType, string FullPath);

/// <summary>
/// Checks and writes uploaded files under the storage folder with random names, and finds them again for download.
/// The row is added by the caller in its own save, so a refused file leaves neither row nor bytes behind.
/// </summary>
public sealed class AttachmentStore(CrmDbContext db, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    private AttachmentOptions Options => options.Value;

    /// <summary>Writes the file if its size and content are allowed; returns the unsaved row, or the problem.</summary>
    public async Task<(Attachment? Attachment, Problem? Problem)> WriteAsync(UploadedFile file, int? incubatorId, CancellationToken ct = default)
    {
        if (file.Length <= 0 || string.IsNullOrWhiteSpace(file.FileName))
        {
            return (null, new Problem("Attachment.Empty", "File"));
        }

        if (file.Length > Options.MaxBytes)
        {
            return (null, new Problem("Attachment.TooLarge", "File"));
        }

        var relative = Path.Combine(clock.GetUtcNow().ToString("yyyy-MM"), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var full = Path.Combine(Options.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var (type, size, hash) = await CopyAndCheckAsync(file, full, ct);
        if (type is null)
        {
            File.Delete(full);
            return (null, new Problem(size > Options.MaxBytes ? "Attachment.TooLarge" : "Attachment.TypeNotAllowed", "File"));
        }

        return (new Attachment
        {
            IncubatorId = incubatorId, FileName = SafeName(file.FileName), ContentType = type.ContentType, Size = size,
            StoragePath = relative.Replace('\\', '/'), Sha256 = hash, UploadedById = db.User.UserId ?? "", UploadedAt = clock.GetUtcNow(),
        }, null);
    }

    /// <summary>Removes the bytes of a file whose row could not be saved.</summary>
    public void Discard(Attachment attachment) => File.Delete(Path.Combine(Options.Path, attachment.StoragePath));

    /// <summary>The file if the caller may see it (the DbContext narrows partners to their incubator's files).</summary>
    public async Task<StoredFile?> FindAsync(long id, CancellationToken ct = default)
    {
        var row = await db.Attachments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.FileName, a.ContentType, a.StoragePath }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Options.Path, row.StoragePath));
        return full.StartsWith(Path.GetFullPath(Options.Path), StringComparison.Ordinal) && File.Exists(full)
            ? new StoredFile(row.FileName, row.ContentType, full)
            : null;
    }

    // Copies at most MaxBytes + 1 so a client that lies about the length cannot fill the disk.
    private async Task<(FileType? Type, long Size, string Hash)> CopyAndCheckAsync(UploadedFile file, string full, CancellationToken ct)
    {
        await using var target = new FileStream(full, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        await using (var source = file.OpenRead())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), ct);
                if (target.Length > Options.MaxBytes)
                {
                    break;
                }
            }
        }

        if (target.Length > Options.MaxBytes || target.Length == 0)
        {
            return (null, target.Length, "");
        }

        target.Position = 0;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(target, ct));
        return (FileSignature.Detect(target, file.FileName, Options.AllowLegacyOffice), target.Length, hash);
    }

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c) && c is not '"').ToArray()).Trim();
        return clean.Length switch { 0 => "file", > 200 => clean[^200..], _ => clean };
    }
}
