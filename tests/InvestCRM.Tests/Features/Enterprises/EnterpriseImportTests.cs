using InvestCRM.Data;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Features.Plans;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Enterprises;

public class EnterpriseImportTests
{
    private static string Code(string body) => body + CreditCode.CheckCharacter(body);

    private static string WrongCode(string body) => body + (CreditCode.CheckCharacter(body) == '0' ? '1' : '0');

    private static ImportTable Table(params string[][] rows) =>
        new(rows.Select((cells, i) => new ImportLine(i + 1, cells)).ToList());

    private static async Task<int> SeedAsync(TestDatabase database, string name, string? code = null)
    {
        await using var db = database.Context();
        var outcome = await CoreServices.Enterprises(db).CreateAsync(new EnterpriseInput { Name = name, CreditCode = code }, true);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems));
        return outcome.Id;
    }

    [Fact]
    public void The_form_labels_in_either_language_head_their_columns()
    {
        foreach (var column in EnterpriseImport.Columns)
        {
            Assert.True(column.Knows(UiText.Chinese(column.Label)) && column.Knows(UiText.English(column.Label) + " *"), column.Label);
            Assert.DoesNotContain(EnterpriseImport.Columns, other => other != column
                && (other.Knows(UiText.Chinese(column.Label)) || other.Knows(UiText.English(column.Label))));
        }
    }

    [Fact]
    public void A_size_is_read_back_by_the_name_the_form_and_the_export_show_in_either_language()
    {
        foreach (var size in Enum.GetValues<EnterpriseSize>())
        {
            var key = $"Enum.EnterpriseSize.{size}";
            Assert.Equal((size, size), (EnterpriseImport.SizeNamed(UiText.Chinese(key)), EnterpriseImport.SizeNamed(UiText.English(key).ToUpperInvariant())));
        }

        Assert.Null(EnterpriseImport.SizeNamed("巨型"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_row_is_new_known_or_refused_with_its_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var known = Code("91350400MA3AB1234");
        var byCode = await SeedAsync(database, "三明氟材料有限公司", known);
        var byName = await SeedAsync(database, "福建永安林业股份有限公司");
        var table = Table(
            ["序号", "*企业名称", "统一社会信用代码", "企业规模", "总部城市"],
            ["1", "三明新能源科技有限公司", Code("91350400MA3CD5678"), "小型", "三明"],
            ["2", "改了名的氟材料公司", known.ToLowerInvariant(), "", ""],
            ["3", "福建永安林业（集团）股份有限公司", "", "大型企业", ""],
            ["", "", "", "", ""],
            ["5", "三明新能源科技有限公司", "", "", ""],
            ["6", "（待定）", WrongCode("91350400MA3EF9012"), "巨型", ""],
            ["7", "", "", "", ""],
            ["8", "沙县小吃集团有限公司", "", "Medium", "三明"]);

        await using var db = database.Context();
        var report = await new EnterpriseImport(db, TimeProvider.System).CheckAsync(table, TestContext.Current.CancellationToken);

        Assert.Empty(report.FileProblems);
        Assert.Equal([2, 3, 4, 6, 7, 9], report.Rows.Select(r => r.Line));
        Assert.Equal([ImportStatus.New, ImportStatus.Exists, ImportStatus.Exists, ImportStatus.Invalid, ImportStatus.Invalid, ImportStatus.New],
            report.Rows.Select(r => r.Status));
        Assert.Equal((byCode, byName), (report.Rows[1].EnterpriseId, report.Rows[2].EnterpriseId));
        Assert.Equal((2, "Import.RepeatedRow"), (report.Rows[3].RepeatsLine, Assert.Single(report.Rows[3].Problems).Code));
        Assert.Equal(["Rule.NameMeaningless:Name", "Rule.CreditCodeInvalid:CreditCode", "Import.UnknownSize:Size"],
            report.Rows[4].Problems.Select(p => $"{p.Code}:{p.Field}"));
        Assert.Equal((EnterpriseSize.Small, "三明"), (report.Rows[0].Input.Size, report.Rows[0].Input.HqCity));
        Assert.False(report.CanImport);
        Assert.Equal(2, await db.Enterprises.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Same_names_with_two_different_codes_are_two_firms_in_the_register_and_in_the_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var coded = await SeedAsync(database, "三明氟材料有限公司", Code("91350400MA3AB1234"));
        var uncoded = await SeedAsync(database, "福建永安林业股份有限公司");
        await using var db = database.Context();

        var report = await new EnterpriseImport(db, TimeProvider.System).CheckAsync(Table(
            ["企业名称", "统一社会信用代码"],
            ["三明氟材料有限公司", Code("91350400MA3AB5678")],
            ["福建永安林业股份有限公司", Code("91350400MA3CD1234")],
            ["三明氟材料（集团）有限公司", ""],
            ["沙县测试有限公司", Code("91350427MA3EF1234")],
            ["沙县测试有限公司", Code("91350427MA3EF5678")],
            ["沙县测试有限公司", ""]), TestContext.Current.CancellationToken);

        Assert.Equal([ImportStatus.New, ImportStatus.Exists, ImportStatus.Exists, ImportStatus.New, ImportStatus.New, ImportStatus.Invalid],
            report.Rows.Select(r => r.Status));
        Assert.Equal((uncoded, coded, 5), (report.Rows[1].EnterpriseId, report.Rows[2].EnterpriseId, report.Rows[5].RepeatsLine));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_refused_row_saves_nothing_and_a_clean_sheet_saves_every_new_firm_with_its_audit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var existing = await SeedAsync(database, "三明氟材料有限公司");
        string[] header = ["Name", "Credit code", "Size", "Headquarters city", "Tags"];
        string[] first = ["三明新能源科技有限公司", Code("91350400MA3CD5678"), "Small", "三明", "专精特新，高新技术企业"];
        string[] second = ["福建数字文旅有限公司", "", "", "福州", ""];
        string[] known = ["三明氟材料有限公司", "", "", "", ""];
        string[] bad = ["三明氟化工研究院有限公司", "not-a-code", "", "", ""];

        await using (var db = database.Context())
        {
            var refused = await new EnterpriseImport(db, TimeProvider.System).ImportAsync(Table(header, first, bad, second), TestContext.Current.CancellationToken);
            Assert.False(refused.Imported);
            Assert.Equal(1, refused.Count(ImportStatus.Invalid));
        }

        var audits = await CountAuditsAsync(database);
        await using (var db = database.Context())
        {
            Assert.Equal(1, await db.Enterprises.CountAsync(TestContext.Current.CancellationToken));
            var report = await new EnterpriseImport(db, TimeProvider.System).ImportAsync(Table(header, first, known, second), TestContext.Current.CancellationToken);
            Assert.True(report.Imported);
            Assert.Equal((2, 1), (report.Count(ImportStatus.New), report.Count(ImportStatus.Exists)));
            Assert.Equal(existing, report.Rows[1].EnterpriseId);
        }

        await using var check = database.Context();
        var saved = await check.Enterprises.AsNoTracking().Where(e => e.Id != existing).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["三明新能源科技有限公司", "福建数字文旅有限公司"], saved.Select(e => e.Name));
        Assert.Equal((first[1], EnterpriseSize.Small, "专精特新,高新技术企业"), (saved[0].CreditCode, saved[0].Size, saved[0].Tags));
        var created = await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Enterprise) && a.Action == AuditAction.Created)
            .Select(a => a.EntityId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Subset(created.ToHashSet(), saved.Select(e => e.Id.ToString()).ToHashSet());
        Assert.Equal(audits + 2, await CountAuditsAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sheet_without_a_name_column_or_with_too_many_rows_is_refused_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var import = new EnterpriseImport(db, TimeProvider.System);
        var tooMany = new[] { new[] { "企业名称" } }.Concat(Enumerable.Range(1, ImportTable.MaxRows + 1).Select(i => new[] { $"批量企业{i}有限公司" })).ToArray();
        var atLimit = tooMany[..^1];

        var noName = await import.CheckAsync(Table(["公司", "信用代码"], ["三明新能源科技有限公司", ""]), TestContext.Current.CancellationToken);
        var over = await import.CheckAsync(Table(tooMany), TestContext.Current.CancellationToken);
        var empty = await import.CheckAsync(Table(["", ""]), TestContext.Current.CancellationToken);
        var limit = await import.CheckAsync(Table(atLimit), TestContext.Current.CancellationToken);
        var cut = await import.CheckAsync(Table(atLimit) with { Truncated = true }, TestContext.Current.CancellationToken);

        Assert.Equal("Import.NoNameColumn", Assert.Single(noName.FileProblems).Code);
        Assert.Equal("Import.TooManyRows", Assert.Single(over.FileProblems).Code);
        Assert.Equal("Import.EmptyFile", Assert.Single(empty.FileProblems).Code);
        Assert.Equal(ImportTable.MaxRows, limit.Count(ImportStatus.New));
        Assert.Equal("Import.TooManyRows", Assert.Single(cut.FileProblems).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_firm_gets_the_contact_its_row_names_and_a_known_firm_gets_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var known = await SeedAsync(database, "三明氟材料有限公司");
        string[] header = ["企业名称", "联系人", "联系人职务", "联系电话", "联系人邮箱"];
        await using var db = database.Context();
        var import = new EnterpriseImport(db, TimeProvider.System);

        var refused = await import.CheckAsync(Table(header, ["三明甲有限公司", "", "", "0598-1234567", ""], ["三明乙有限公司", "王经理", "", "call me", "wang@"]),
            TestContext.Current.CancellationToken);
        var report = await import.ImportAsync(Table(header, ["三明新能源科技有限公司", "陈立", "总经理", "0598-8881234", "chen@example.cn"],
            ["三明氟材料有限公司", "李四", "", "13800000000", ""], ["福建数字文旅有限公司", "", "", "", ""]), TestContext.Current.CancellationToken);

        Assert.Equal(["Validation.Required:ContactName"], refused.Rows[0].Problems.Select(p => $"{p.Code}:{p.Field}"));
        Assert.Equal(["Validation.Phone:ContactPhone", "Validation.Email:ContactEmail"], refused.Rows[1].Problems.Select(p => $"{p.Code}:{p.Field}"));
        Assert.True(report.Imported);
        await using var check = database.Context();
        var contacts = await check.Contacts.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { Firm = c.Enterprise!.Name, c.Name, c.Title, c.Phone, c.Email }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new { Firm = "三明新能源科技有限公司", Name = "陈立", Title = (string?)"总经理", Phone = (string?)"0598-8881234", Email = (string?)"chen@example.cn" },
            Assert.Single(contacts));
        Assert.Equal(0, await check.Contacts.CountAsync(c => c.EnterpriseId == known, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_local_column_marks_new_firms_local_in_the_words_the_export_writes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] header = ["企业名称", "Local firm"];
        await using var db = database.Context();
        var import = new EnterpriseImport(db, TimeProvider.System);

        var refused = await import.CheckAsync(Table(header, ["三明甲有限公司", "也许"]), TestContext.Current.CancellationToken);
        var report = await import.ImportAsync(Table(header,
            ["三明甲有限公司", UiText.Chinese("Common.Yes")], ["三明乙有限公司", UiText.Chinese("Common.No")], ["三明丙有限公司", ""],
            ["三明丁有限公司", UiText.English("Common.Yes")], ["三明戊有限公司", UiText.English("Common.No").ToUpperInvariant()], ["三明己有限公司", "√"]),
            TestContext.Current.CancellationToken);

        Assert.Equal(["Import.UnknownYesNo:IsLocal"], refused.Rows[0].Problems.Select(p => $"{p.Code}:{p.Field}"));
        Assert.True(report.Imported);
        await using var check = database.Context();
        var local = await check.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.IsLocal).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([true, false, false, true, false, true], local);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chain_node_cells_link_new_firms_and_the_export_writes_them_back_readably(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var planId = await ReferenceData.AddPlanAsync(database);
        var fluorine = new IndustryChain
        {
            PlanId = planId, Name = "含氟新材料", NameEn = "Fluorine materials",
            Nodes = [new ChainNode { Name = "萤石资源", NameEn = "Fluorite" }, new ChainNode { Name = "电解液", Segment = ChainSegment.Downstream }],
        };
        var battery = new IndustryChain { PlanId = planId, Name = "新能源电池材料", Nodes = [new ChainNode { Name = "电解液", Segment = ChainSegment.Midstream }] };
        await using (var setup = database.Context())
        {
            setup.IndustryChains.AddRange(fluorine, battery);
            await setup.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (fluorite, fluorineElectrolyte, batteryElectrolyte) = (fluorine.Nodes[0].Id, fluorine.Nodes[1].Id, battery.Nodes[0].Id);
        string[] header = ["企业名称", "产业链环节"];
        await using var db = database.Context();
        var import = new EnterpriseImport(db, TimeProvider.System);

        var refused = await import.CheckAsync(Table(header, ["三明甲有限公司", "电解液"], ["三明乙有限公司", "含氟新材料/六氟磷酸锂"]),
            TestContext.Current.CancellationToken);
        var report = await import.ImportAsync(Table(header, ["三明丙有限公司", "萤石资源、新能源电池材料 / 电解液"],
            ["三明丁有限公司", "Fluorine materials: fluorite; 含氟新材料／电解液"], ["三明戊有限公司", ""]), TestContext.Current.CancellationToken);

        Assert.Equal(["Import.AmbiguousChainNode:ChainNodeIds"], refused.Rows[0].Problems.Select(p => $"{p.Code}:{p.Field}"));
        Assert.Equal(["Import.UnknownChainNode:ChainNodeIds"], refused.Rows[1].Problems.Select(p => $"{p.Code}:{p.Field}"));
        Assert.True(report.Imported);
        await using var check = database.Context();
        var links = await check.Enterprises.AsNoTracking().Include(e => e.ChainNodes).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([[fluorite, batteryElectrolyte], [fluorite, fluorineElectrolyte], []],
            links.Select(e => e.ChainNodes.Select(n => n.ChainNodeId).Order().ToList()));

        var exported = new MemoryStream();
        var text = new EnterpriseExportText("企业", "全部", EnterpriseImport.Columns.Select(c => UiText.Chinese(c.Label)).ToList(), "项目数", "录入时间",
            size => size.ToString(), local => local ? "是" : "否");
        await CoreServices.Enterprises(check).WriteXlsxAsync(exported, new EnterpriseSearch(), text, TestContext.Current.CancellationToken);
        var (table, problem) = await ImportTable.ReadAsync("企业.xlsx", exported.Length, () => new MemoryStream(exported.ToArray()), TestContext.Current.CancellationToken);
        Assert.Null(problem);
        var column = EnterpriseImport.Columns.ToList().FindIndex(c => c.Field == nameof(EnterpriseInput.ChainNodeIds));
        Assert.Equal(["", "含氟新材料/萤石资源、含氟新材料/电解液", "含氟新材料/萤石资源、新能源电池材料/电解液"], table!.Lines.Skip(2).Select(l => l.Cell(column)));
        var again = await import.CheckAsync(table, TestContext.Current.CancellationToken);
        Assert.Equal([ImportStatus.Exists, ImportStatus.Exists, ImportStatus.Exists], again.Rows.Select(r => r.Status));
        Assert.All(again.Rows, r => Assert.Empty(r.Problems));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Title_rows_above_the_headers_are_passed_over(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var import = new EnterpriseImport(db, TimeProvider.System);

        var titled = await import.CheckAsync(Table(["三明市重点招商企业名单"], ["填报单位：三明中关村科技园", ""], ["", ""], ["序号", "企业名称"], ["1", "三明新能源科技有限公司"]),
            TestContext.Current.CancellationToken);
        var tooDeep = await import.CheckAsync(Table([.. Enumerable.Range(1, 5).Select(i => new[] { $"说明{i}" }), ["企业名称"], ["三明新能源科技有限公司"]]),
            TestContext.Current.CancellationToken);

        Assert.Equal((5, "三明新能源科技有限公司"), (Assert.Single(titled.Rows).Line, titled.Rows[0].Input.Name));
        Assert.Equal("Import.NoNameColumn", Assert.Single(tooDeep.FileProblems).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_code_entered_by_someone_else_during_the_import_leaves_the_whole_import_unsaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var code = Code("91350400MA3CD5678");
        // The import reads the clock once, after its check and before its save: the other user saves just then.
        var race = new RacingClock(() =>
        {
            using var other = database.Context();
            other.Enterprises.Add(new Enterprise { Name = "抢先录入有限公司", NormalizedName = EnterpriseName.Normalize("抢先录入有限公司"), CreditCode = code });
            other.SaveChanges();
        });
        await using var db = database.Context();

        var report = await new EnterpriseImport(db, race).ImportAsync(
            Table(["企业名称", "统一社会信用代码"], ["福建数字文旅有限公司", ""], ["三明新能源科技有限公司", code]), TestContext.Current.CancellationToken);

        Assert.Equal("Import.RegisterChanged", Assert.Single(report.FileProblems).Code);
        Assert.False(report.Imported);
        await using var check = database.Context();
        Assert.Equal(["抢先录入有限公司"], await check.Enterprises.Select(e => e.Name).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_partner_cannot_import(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        database.User.Current = new CurrentUser("user-partner", "Partner", new HashSet<string> { Roles.Partner }, null, 1);
        await using var db = database.Context();

        var report = await new EnterpriseImport(db, TimeProvider.System).ImportAsync(Table(["企业名称"], ["三明新能源科技有限公司"]), TestContext.Current.CancellationToken);

        Assert.Equal("Rule.NotAllowed", Assert.Single(report.FileProblems).Code);
        database.User.Current = TestUser.Staff;
        await using var check = database.Context();
        Assert.Equal(0, await check.Enterprises.CountAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<int> CountAuditsAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken);
    }

    private sealed class RacingClock(Action meanwhile) : TimeProvider
    {
        private Action? _meanwhile = meanwhile;

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Exchange(ref _meanwhile, null)?.Invoke();
            return base.GetUtcNow();
        }
    }
}
