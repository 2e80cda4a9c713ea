using System.ComponentModel.DataAnnotations;

namespace InvestCRM.Features.Attachments;

public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Folder outside the web root; relative paths are resolved against the content root at start-up.</summary>
    [Required]
    public string Path { get; set; } = "data/attachments";

    [Range(1, 200L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Legacy .doc/.xls (OLE compound files) can carry macros; a park may refuse them.</summary>
    public bool AllowLegacyOffice { get; set; } = true;
}

/// <summary>A file as a form or the API received it; the name and length are the client's claims, the bytes are not.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenRead);
