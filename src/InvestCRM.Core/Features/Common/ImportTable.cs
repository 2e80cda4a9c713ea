using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace InvestCRM.Features.Common;

/// <summary>
/// An uploaded sheet as rows of text: the first worksheet of an .xlsx, or a .csv in UTF-8 or in GB18030 (what Excel
/// writes for "CSV" on a Chinese Windows). Each row keeps its line number in the file, so problems can name it.
/// </summary>
public sealed record ImportTable(IReadOnlyList<ImportLine> Lines, bool Truncated = false)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Rows of data a file may hold (the header row not counted).</summary>
    public const int MaxRows = 5000;

    /// <summary>An .xlsx is a zip: what its parts may add up to once unpacked.</summary>
    private const long MaxUnpackedBytes = 100 * 1024 * 1024;

    /// <summary>Columns read from each row; a template has a dozen.</summary>
    private const int MaxColumns = 64;

    /// <summary>
    /// Rows with text read at most: the data, plus room for title and header rows. A file with more is marked
    /// <see cref="Truncated"/> (and refused whole), so reading stops early without ever dropping rows unnoticed.
    /// </summary>
    private const int ReadLimit = MaxRows + 100;

    static ImportTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The table, or the problem that stops the file from being read at all.</summary>
    public static async Task<(ImportTable? Table, Problem? Problem)> ReadAsync(string fileName, long length, Func<Stream> open, CancellationToken ct)
    {
        var type = Path.GetExtension(fileName).ToLowerInvariant();
        if (type is not (".xlsx" or ".csv"))
        {
            return (null, new Problem("Import.UnsupportedType"));
        }

        if (length == 0)
        {
            return (null, new Problem("Import.EmptyFile"));
        }

        if (length > MaxBytes)
        {
            return (null, new Problem("Import.TooLarge"));
        }

        var buffer = new MemoryStream();
        await using (var stream = open())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        buffer.Position = 0;
        try
        {
            return (type == ".xlsx" ? FromXlsx(buffer) : FromCsv(buffer.ToArray()), null);
        }
        // The file is the user's: whatever its parser trips on (a broken zip, bad XML, a chart for a first sheet, stray
        // quotes) means the file cannot be read, not that the app failed.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (null, new Problem("Import.Unreadable"));
        }
    }

    private static ImportTable FromCsv(byte[] bytes)
    {
        // The separator (comma, semicolon, tab) is detected from the first lines, as Excel's regional settings vary.
        using var reader = CsvReader.FromText(Decode(bytes), new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true });
        var lines = new List<ImportLine>();
        while (reader.Read())
        {
            var line = new ImportLine((int)reader.LineNumber, Enumerable.Range(0, Math.Min(reader.FieldCount, MaxColumns)).Select(reader.GetString).ToArray());
            if (!Keep(lines, line))
            {
                return new ImportTable(lines, Truncated: true);
            }
        }

        return new ImportTable(lines);
    }

    /// <summary>UTF-8 (with or without its mark) when the bytes are valid UTF-8; GB18030 otherwise.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static ImportTable FromXlsx(MemoryStream stream)
    {
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new InvalidDataException("The workbook unpacks into too much.");
            }
        }

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var sheet = first.Id?.Value is { } id && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet
            ? worksheet
            : throw new InvalidDataException("The first sheet is not a worksheet.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var lines = new List<ImportLine>();
        // Row by row rather than the whole sheet's DOM: a few megabytes of zip can unpack into far more.
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                if (column >= MaxColumns || column < cells.Count)
                {
                    continue;
                }

                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Text(cell, shared));
            }

            if (!Keep(lines, new ImportLine((int)(row.RowIndex?.Value ?? (uint)lines.Count + 1), cells.ToArray())))
            {
                return new ImportTable(lines, Truncated: true);
            }
        }

        return new ImportTable(lines);
    }

    /// <summary>
    /// Adds a row with text (Excel keeps formatted empty rows by the thousand; they do not count); false when the limit
    /// is already reached.
    /// </summary>
    private static bool Keep(List<ImportLine> lines, ImportLine line)
    {
        if (line.IsEmpty)
        {
            return true;
        }

        if (lines.Count == ReadLimit)
        {
            return false;
        }

        lines.Add(line);
        return true;
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Count
                ? shared[index]
                : throw new InvalidDataException("A shared string that is not in the table.");
        }

        return cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? "" : value;
    }

    /// <summary>"C7" → 2 (zero-based); null when the reference is missing.</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index is > 0 and <= 16384 ? index - 1 : throw new InvalidDataException("A cell outside the sheet.");
    }
}

/// <summary>One row of the file: its line (row) number and its cells' text.</summary>
public sealed record ImportLine(int Number, IReadOnlyList<string> Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);

    public string Cell(int index) => index < Cells.Count ? Cells[index].Trim() : "";
}
