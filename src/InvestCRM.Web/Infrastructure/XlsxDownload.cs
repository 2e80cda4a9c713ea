namespace InvestCRM.Web.Infrastructure;

/// <summary>
/// Sends a workbook as an .xlsx download. The zip package behind .xlsx needs a seekable stream, so every export builds
/// its workbook in a MemoryStream (never a temp file) and hands it here.
/// </summary>
public static class XlsxDownload
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult File(MemoryStream workbook, string fileName)
    {
        workbook.Position = 0;
        return Results.File(workbook, ContentType, fileName);
    }

    /// <summary>A report's download, named by its title and the minute it was made, in the park's time (China).</summary>
    public static IResult Stamped(MemoryStream workbook, string title, TimeProvider clock) =>
        File(workbook, $"{title}-{clock.GetLocalNow():yyyyMMdd-HHmm}.xlsx");
}
