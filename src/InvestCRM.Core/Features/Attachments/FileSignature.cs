using System.IO.Compression;
using System.Text;

namespace InvestCRM.Features.Attachments;

/// <summary>A file type the park accepts, recognised by its content; the extensions a file of that type may carry.</summary>
public sealed record FileType(string ContentType, params string[] Extensions);

/// <summary>
/// Recognises allowed types by their first bytes (and, for Office files, by the package's content types),
/// never by the file name or the client's Content-Type: a renamed executable or a PNG called .pdf is refused.
/// </summary>
public static class FileSignature
{
    public static readonly FileType Pdf = new("application/pdf", ".pdf");
    public static readonly FileType Png = new("image/png", ".png");
    public static readonly FileType Jpeg = new("image/jpeg", ".jpg", ".jpeg");
    public static readonly FileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileType Doc = new("application/msword", ".doc");
    public static readonly FileType Xls = new("application/vnd.ms-excel", ".xls");

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // The main part's content type in [Content_Types].xml tells the three OOXML formats apart.
    private static readonly (string MainPart, FileType Type)[] OfficeParts =
    [
        ("wordprocessingml.document.main+xml", Docx), ("spreadsheetml.sheet.main+xml", Xlsx), ("presentationml.presentation.main+xml", Pptx),
    ];

    /// <summary>The type of a seekable stream's content if it is allowed and fits the file name's extension; else null.</summary>
    public static FileType? Detect(Stream content, string fileName, bool allowLegacyOffice)
    {
        var type = ByContent(content, fileName, allowLegacyOffice);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return type is not null && type.Extensions.Contains(extension) ? type : null;
    }

    private static FileType? ByContent(Stream content, string fileName, bool allowLegacyOffice)
    {
        var head = new byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, read);
        if (start.StartsWith(PdfMagic)) { return Pdf; }
        if (start.StartsWith(PngMagic)) { return Png; }
        if (start.StartsWith(JpegMagic)) { return Jpeg; }
        if (start.StartsWith(ZipMagic)) { return OfficePackage(content); }

        // An OLE container says nothing simple about Word versus Excel; the extension picks between the two.
        if (allowLegacyOffice && start.StartsWith(OleMagic))
        {
            return Path.GetExtension(fileName).Equals(".xls", StringComparison.OrdinalIgnoreCase) ? Xls : Doc;
        }

        return null;
    }

    private static FileType? OfficePackage(Stream content)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is not { Length: > 0 and < 1_000_000 } entry)
            {
                return null;
            }

            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var types = reader.ReadToEnd();
            return OfficeParts.FirstOrDefault(p => types.Contains(p.MainPart, StringComparison.Ordinal)).Type;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
