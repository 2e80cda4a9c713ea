using System.IO.Compression;
using System.Text;
using InvestCRM.Features.Attachments;

namespace InvestCRM.Tests.Features.Partners;

public sealed class FileSignatureTests
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    [Fact]
    public void A_docx_package_is_recognised_by_its_content_types()
    {
        using var docx = Package(WordMain);

        Assert.Equal(FileSignature.Docx, FileSignature.Detect(docx, "plan.docx", true));
    }

    [Fact]
    public void A_docx_named_xlsx_or_a_zip_without_content_types_is_refused()
    {
        using var docx = Package(WordMain);
        using var zip = Package(null);

        Assert.Null(FileSignature.Detect(docx, "plan.xlsx", true));
        Assert.Null(FileSignature.Detect(zip, "plan.docx", true));
    }

    [Fact]
    public void Legacy_office_files_follow_the_option()
    {
        using var ole = new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);

        Assert.Equal(FileSignature.Xls, FileSignature.Detect(ole, "budget.xls", true));
        Assert.Null(FileSignature.Detect(ole, "budget.xls", false));
    }

    [Fact]
    public void Jpeg_and_png_match_their_extensions_only()
    {
        using var jpeg = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]);

        Assert.Equal(FileSignature.Jpeg, FileSignature.Detect(jpeg, "photo.JPG", true));
        Assert.Null(FileSignature.Detect(jpeg, "photo.png", true));
    }

    private static MemoryStream Package(string? mainPart)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var name = mainPart is null ? "readme.txt" : "[Content_Types].xml";
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
            writer.Write($"<Types><Override PartName=\"/word/document.xml\" ContentType=\"{mainPart}\"/></Types>");
        }

        stream.Position = 0;
        return stream;
    }
}
