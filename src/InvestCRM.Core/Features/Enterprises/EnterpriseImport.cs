using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Data;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Enterprises;

/// <summary>
/// Bulk entry of enterprises from a sheet (the lists parks keep in Excel). Every row is checked by the same rules as
/// the enterprise form; a row naming a firm already in the register (same credit code or same normalised name) is
/// skipped and linked, never duplicated. The import is all or nothing: one unreadable row and nothing is saved.
/// </summary>
public sealed class EnterpriseImport(CrmDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The columns a sheet may have, each with the resource key of its label (the template's header, and the column a
    /// problem names) and the headers it is known by, in either language. The contact columns give a new firm its
    /// first contact, as park lists often carry one (联系人, 联系电话).
    /// </summary>
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(nameof(EnterpriseInput.Name), "Field.Enterprise.Name", true, "企业名称", "名称", "Name", "Enterprise", "Enterprise name"),
        new(nameof(EnterpriseInput.CreditCode), "Field.Enterprise.CreditCode", false, "统一社会信用代码", "信用代码", "Credit code", "Unified social credit code"),
        new(nameof(EnterpriseInput.Industry), "Field.Enterprise.Industry", false, "行业", "所属行业", "Industry"),
        new(nameof(EnterpriseInput.HqProvince), "Field.Enterprise.HqProvince", false, "总部省份", "省份", "Headquarters province", "Province"),
        new(nameof(EnterpriseInput.HqCity), "Field.Enterprise.HqCity", false, "总部城市", "城市", "Headquarters city", "City"),
        new(nameof(EnterpriseInput.Size), "Field.Enterprise.Size", false, "企业规模", "规模", "Size"),
        new(nameof(EnterpriseInput.Website), "Field.Enterprise.Website", false, "网站", "官网", "Website"),
        new(nameof(EnterpriseInput.Description), "Field.Enterprise.Description", false, "简介", "企业简介", "Description"),
        new(nameof(EnterpriseInput.Tags), "Field.Enterprise.Tags", false, "标签", "Tags"),
        new(ContactName, "Import.Contact.Name", false, "联系人", "联系人姓名", "Contact", "Contact name"),
        new(ContactTitle, "Import.Contact.Title", false, "联系人职务", "职务", "Contact title", "Title"),
        new(ContactPhone, "Import.Contact.Phone", false, "联系电话", "电话", "手机", "Contact phone", "Phone"),
        new(ContactEmail, "Import.Contact.Email", false, "联系人邮箱", "邮箱", "电子邮箱", "Contact email", "Email"),
        new(nameof(EnterpriseInput.IsLocal), "Field.Enterprise.IsLocal", false, "本地企业", "是否本地企业", "Local firm", "Local"),
        new(nameof(EnterpriseInput.ChainNodeIds), "Field.Enterprise.ChainNodeIds", false, "产业链环节", "所属环节", "环节", "Chain nodes", "Chain links"),
    ];

    private const string ContactName = "Contact" + nameof(ContactInput.Name);
    private const string ContactTitle = "Contact" + nameof(ContactInput.Title);
    private const string ContactPhone = "Contact" + nameof(ContactInput.Phone);
    private const string ContactEmail = "Contact" + nameof(ContactInput.Email);

    private static readonly Dictionary<string, EnterpriseSize> Sizes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["微型"] = EnterpriseSize.Micro, ["小型"] = EnterpriseSize.Small, ["中型"] = EnterpriseSize.Medium, ["大型"] = EnterpriseSize.Large,
        ["微型企业"] = EnterpriseSize.Micro, ["小型企业"] = EnterpriseSize.Small, ["中型企业"] = EnterpriseSize.Medium, ["大型企业"] = EnterpriseSize.Large,
        ["Micro"] = EnterpriseSize.Micro, ["Small"] = EnterpriseSize.Small, ["Medium"] = EnterpriseSize.Medium, ["Large"] = EnterpriseSize.Large,
    };

    /// <summary>What a yes-or-no cell may say; an empty cell is no.</summary>
    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.OrdinalIgnoreCase)
    {
        ["是"] = true, ["否"] = false, ["√"] = true, ["✓"] = true, ["×"] = false, ["Y"] = true, ["N"] = false,
        ["Yes"] = true, ["No"] = false, ["True"] = true, ["False"] = false, ["1"] = true, ["0"] = false,
    };

    /// <summary>How far down the sheet the header row is looked for.</summary>
    private const int HeaderSearchRows = 5;

    private bool CanEdit => db.User.IsAdmin || db.User.IsManager || db.User.IsStaff;

    /// <summary>An empty sheet headed with the columns' <paramref name="headers"/> (in <see cref="Columns"/> order), for users to fill.</summary>
    public static void WriteTemplate(Stream output, IReadOnlyList<string> headers, string sheetName)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = Xlsx.Workbook(document);
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var widths = new DocumentFormat.OpenXml.Spreadsheet.Columns(
            headers.Select((_, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = 24, CustomWidth = true }));
        sheet.Worksheet = new Worksheet(widths, new SheetData(new Row(headers.Select(h => Xlsx.TextCell(h, Xlsx.HeaderStyle)))));
        Xlsx.Finish(workbook, sheet, sheetName);
    }

    /// <summary>A size by its name in either language (as the enterprise form and the export write it), or null.</summary>
    internal static EnterpriseSize? SizeNamed(string text) => Sizes.TryGetValue(text.Trim(), out var size) ? size : null;

    /// <summary>What importing the table would do, row by row; saves nothing.</summary>
    public async Task<ImportReport> CheckAsync(ImportTable table, CancellationToken ct = default)
    {
        if (!CanEdit)
        {
            return ImportReport.Refused(new Problem("Rule.NotAllowed"));
        }

        var lines = table.Lines.Where(l => !l.IsEmpty).ToList();
        if (lines.Count == 0)
        {
            return ImportReport.Refused(new Problem("Import.EmptyFile"));
        }

        if (table.Truncated)
        {
            return ImportReport.Refused(new Problem("Import.TooManyRows"));
        }

        // Sheets kept by hand often open with a title row or two (企业名单, 填报单位) above the headers.
        var name = Columns.Single(c => c.Field == nameof(EnterpriseInput.Name));
        var headerAt = lines.Take(HeaderSearchRows).ToList().FindIndex(l => IndexOf(l, name) >= 0);
        if (headerAt < 0)
        {
            return ImportReport.Refused(new Problem("Import.NoNameColumn"));
        }

        var map = Columns.ToDictionary(c => c.Field, c => IndexOf(lines[headerAt], c));

        // A row with nothing in the known columns is skipped, like an empty one: sheets often number rows ahead (序号).
        var data = lines.Skip(headerAt + 1).Where(l => map.Values.Any(i => i >= 0 && l.Cell(i).Length > 0)).ToList();
        if (data.Count > ImportTable.MaxRows)
        {
            return ImportReport.Refused(new Problem("Import.TooManyRows"));
        }

        var nodes = await ChainNodeNames.LoadAsync(db, ct);
        var rows = data.Select(line => Read(line, map, nodes)).ToList();
        await MatchRegisterAsync(rows, ct);
        MarkRepeats(rows);
        return new ImportReport(rows, []);
    }

    /// <summary>
    /// Checks the table again (the register may have changed since it was shown) and, if no row has a problem, adds
    /// every new enterprise in one transaction; the audit trail records each as created by the importing user.
    /// </summary>
    public async Task<ImportReport> ImportAsync(ImportTable table, CancellationToken ct = default)
    {
        var report = await CheckAsync(table, ct);
        if (!report.CanImport)
        {
            return report;
        }

        var now = clock.GetUtcNow();
        var created = new Dictionary<int, Enterprise>();
        foreach (var row in report.Rows.Where(r => r.Status == ImportStatus.New))
        {
            var enterprise = new Enterprise { Name = "", NormalizedName = "", CreatedAt = now };
            row.Input.ApplyTo(enterprise);
            enterprise.ChainNodes.AddRange(row.Input.ChainNodeIds.Select(n => new EnterpriseChainNode { ChainNodeId = n }));
            if (row.Contact is { } input)
            {
                var contact = new Contact { Name = "" };
                input.ApplyTo(contact);
                enterprise.Contacts.Add(contact);
            }

            db.Enterprises.Add(enterprise);
            created[row.Line] = enterprise;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A code saved by someone else between the check and the save: nothing of this import is kept.
            db.ChangeTracker.Clear();
            var codes = created.Values.Select(e => e.CreditCode).OfType<string>().ToList();
            if (codes.Count > 0 && (await MatchCodesAsync(codes, ct)).Count > 0)
            {
                return ImportReport.Refused(new Problem("Import.RegisterChanged"));
            }

            throw;
        }

        return report with
        {
            Imported = true,
            Rows = report.Rows.Select(r => created.TryGetValue(r.Line, out var e) ? r with { EnterpriseId = e.Id } : r).ToList(),
        };
    }

    private static int IndexOf(ImportLine header, ImportColumn column)
    {
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (column.Knows(header.Cells[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static ImportRow Read(ImportLine line, Dictionary<string, int> map, ChainNodeNames nodes)
    {
        string? Cell(string field) => map[field] < 0 || line.Cell(map[field]) is not { Length: > 0 } text ? null : text;
        var problems = new List<Problem>();
        EnterpriseSize? size = null;
        if (Cell(nameof(EnterpriseInput.Size)) is { } sizeText)
        {
            if (SizeNamed(sizeText) is { } known)
            {
                size = known;
            }
            else
            {
                problems.Add(new Problem("Import.UnknownSize", nameof(EnterpriseInput.Size)));
            }
        }

        var isLocal = false;
        if (Cell(nameof(EnterpriseInput.IsLocal)) is { } localText && !YesNo.TryGetValue(localText.Trim(), out isLocal))
        {
            problems.Add(new Problem("Import.UnknownYesNo", nameof(EnterpriseInput.IsLocal)));
        }

        IReadOnlyList<int> nodeIds = [];
        if (Cell(nameof(EnterpriseInput.ChainNodeIds)) is { } nodeText)
        {
            (nodeIds, var nodeProblem) = nodes.Read(nodeText);
            if (nodeProblem is not null)
            {
                problems.Add(new Problem(nodeProblem, nameof(EnterpriseInput.ChainNodeIds)));
            }
        }

        var input = new EnterpriseInput
        {
            Name = Cell(nameof(EnterpriseInput.Name)) ?? "", CreditCode = Cell(nameof(EnterpriseInput.CreditCode)),
            Industry = Cell(nameof(EnterpriseInput.Industry)), HqProvince = Cell(nameof(EnterpriseInput.HqProvince)),
            HqCity = Cell(nameof(EnterpriseInput.HqCity)), Size = size, Website = Cell(nameof(EnterpriseInput.Website)),
            Description = Cell(nameof(EnterpriseInput.Description)), Tags = Cell(nameof(EnterpriseInput.Tags)), IsLocal = isLocal,
            ChainNodeIds = [.. nodeIds],
        };
        problems.InsertRange(0, input.Check());
        var contact = ReadContact(Cell);
        if (contact is not null)
        {
            problems.AddRange(contact.Check().Select(p => p with { Field = p.Field is { } field ? "Contact" + field : null }));
        }

        return new ImportRow(line.Number, input, problems.Count > 0 ? ImportStatus.Invalid : ImportStatus.New, problems, null) { Contact = contact };
    }

    /// <summary>The row's contact, when any contact column has text (the name is then required).</summary>
    private static ContactInput? ReadContact(Func<string, string?> cell)
    {
        var (name, title, phone, email) = (cell(ContactName), cell(ContactTitle), cell(ContactPhone), cell(ContactEmail));
        return name is null && title is null && phone is null && email is null
            ? null
            : new ContactInput { Name = name ?? "", Title = title, Phone = phone, Email = email };
    }

    /// <summary>
    /// Rows naming a firm already in the register are skipped: the same credit code, or the same normalised name
    /// where at most one side has a code. Two different codes are two legal entities, whatever their names.
    /// </summary>
    private async Task MatchRegisterAsync(List<ImportRow> rows, CancellationToken ct)
    {
        var valid = rows.Where(r => r.Status == ImportStatus.New).ToList();
        var codes = valid.Select(r => r.Input.NormalizedCode).OfType<string>().Distinct().ToList();
        var names = valid.Select(r => EnterpriseName.Normalize(r.Input.Name)).Distinct().ToList();
        var byCode = await MatchCodesAsync(codes, ct);
        var named = new List<(int Id, string Name, string? Code)>();
        // In slices, so a long file never makes one statement with thousands of parameters.
        foreach (var slice in names.Chunk(500))
        {
            var found = await db.Enterprises.AsNoTracking().Where(e => slice.Contains(e.NormalizedName))
                .Select(e => new { e.Id, e.NormalizedName, e.CreditCode }).ToListAsync(ct);
            named.AddRange(found.Select(e => (e.Id, e.NormalizedName, e.CreditCode)));
        }

        var firms = named.OrderBy(e => e.Id).ToLookup(e => e.Name);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Status != ImportStatus.New)
            {
                continue;
            }

            var code = row.Input.NormalizedCode;
            int? same = code is not null && byCode.TryGetValue(code, out var sameCode) ? sameCode
                : firms[EnterpriseName.Normalize(row.Input.Name)].Where(e => SameFirm(code, e.Code)).Select(e => (int?)e.Id).FirstOrDefault();
            if (same is { } id)
            {
                rows[i] = row with { Status = ImportStatus.Exists, EnterpriseId = id };
            }
        }
    }

    /// <summary>Two entries of one name are one firm unless both have codes (equal codes are matched by code first).</summary>
    private static bool SameFirm(string? code, string? otherCode) => code is null || otherCode is null || code == otherCode;

    /// <summary>Enterprises of the register by credit code; in slices, so a long file never makes one statement with thousands of parameters.</summary>
    private async Task<Dictionary<string, int>> MatchCodesAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        var byCode = new Dictionary<string, int>();
        foreach (var slice in codes.Chunk(500))
        {
            foreach (var e in await db.Enterprises.AsNoTracking().Where(e => slice.Contains(e.CreditCode!)).Select(e => new { e.Id, e.CreditCode }).ToListAsync(ct))
            {
                byCode[e.CreditCode!] = e.Id;
            }
        }

        return byCode;
    }

    /// <summary>A firm twice in the file is a mistake to fix there: the later row names the earlier one.</summary>
    private static void MarkRepeats(List<ImportRow> rows)
    {
        var codes = new Dictionary<string, int>();
        var names = new Dictionary<string, List<(int Line, string? Code)>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Status != ImportStatus.New)
            {
                continue;
            }

            var name = EnterpriseName.Normalize(row.Input.Name);
            var code = row.Input.NormalizedCode;
            var earlier = code is not null && codes.TryGetValue(code, out var byCode) ? byCode
                : names.GetValueOrDefault(name)?.Where(e => SameFirm(code, e.Code)).Select(e => (int?)e.Line).FirstOrDefault();
            if (earlier is { } line)
            {
                rows[i] = row with { Status = ImportStatus.Invalid, Problems = [new Problem("Import.RepeatedRow")], RepeatsLine = line };
                continue;
            }

            if (code is not null)
            {
                codes[code] = row.Line;
            }

            if (!names.TryGetValue(name, out var same))
            {
                names[name] = same = [];
            }

            same.Add((row.Line, code));
        }
    }
}

/// <summary>A column of the import sheet: the input field it fills and the headers it is known by.</summary>
public sealed record ImportColumn(string Field, string Label, bool Required, params string[] Headers)
{
    /// <summary>A header names the column in any case, with or without a required-field star.</summary>
    public bool Knows(string? header) =>
        header is not null && Headers.Contains(header.Trim().TrimStart('*').TrimEnd('*').Trim(), StringComparer.OrdinalIgnoreCase);
}

public enum ImportStatus
{
    New,
    Exists,
    Invalid,
}

/// <summary>One data row: its line in the file, what it would enter, and why it cannot (or the firm it matches).</summary>
public sealed record ImportRow(int Line, EnterpriseInput Input, ImportStatus Status, IReadOnlyList<Problem> Problems, int? EnterpriseId)
{
    /// <summary>For a firm already named higher up in the file: that row's line.</summary>
    public int? RepeatsLine { get; init; }

    /// <summary>The contact a new firm gets, when the row names one.</summary>
    public ContactInput? Contact { get; init; }
}

/// <summary>The rows, or the problem with the whole file; whether they were saved.</summary>
public sealed record ImportReport(IReadOnlyList<ImportRow> Rows, IReadOnlyList<Problem> FileProblems, bool Imported = false)
{
    public static ImportReport Refused(Problem problem) => new([], [problem]);

    public int Count(ImportStatus status) => Rows.Count(r => r.Status == status);

    public bool CanImport => FileProblems.Count == 0 && Rows.All(r => r.Status != ImportStatus.Invalid);
}
