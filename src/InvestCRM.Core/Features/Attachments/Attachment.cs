namespace InvestCRM.Features.Attachments;

/// <summary>A file kept outside the web root and served only through an authorised endpoint.</summary>
public class Attachment
{
    public long Id { get; set; }

    /// <summary>The incubator whose partners may see it; null for staff-only files.</summary>
    public int? IncubatorId { get; set; }
    public int? ReferralId { get; set; }
    public int? ProjectId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>Relative path under the configured storage folder; never derived from the user's file name.</summary>
    public required string StoragePath { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedById { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
