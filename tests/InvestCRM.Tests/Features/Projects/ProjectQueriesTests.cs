using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Projects;

public class ProjectQueriesTests
{
    /// <summary>Five projects: three in the fluorine chain (two at contact), one in another chain, one with no chain.</summary>
    private static async Task<ProjectTestDatabase> WithProjectsAsync(string provider)
    {
        var db = await ProjectTestDatabase.CreateAsync(provider);
        db.User.Current = ProjectTestDatabase.Staff("staff-a", db.TeamA);
        var fluorine = await db.EnterpriseAsync("三明氟化工股份有限公司");
        var pharma = await db.EnterpriseAsync("Sanming Pharma Co., Ltd.");
        await AddAsync(db, fluorine, "六氟磷酸锂扩产项目", db.ChainId, "contact");
        await AddAsync(db, pharma, "含氟医药中间体 100%_纯度", db.ChainId, "contact");
        await AddAsync(db, pharma, "Fluoropolymer plant", db.ChainId, "lead");
        await AddAsync(db, fluorine, "抗体药物研发中心", db.OtherChainId, "contact");
        await AddAsync(db, pharma, "Imaging devices", null, "contact");
        return db;
    }

    private static async Task AddAsync(ProjectTestDatabase db, int enterprise, string title, int? chain, string stage)
    {
        var created = await db.Projects.CreateAsync(new ProjectInput { EnterpriseId = enterprise, Title = title, ChainId = chain, PlannedInvestmentWan = 1000 });
        if (stage != "lead")
        {
            Assert.True((await db.Projects.MoveAsync(created.Id, 0, new StageMove(db.Stage(stage).Id, null))).Succeeded);
        }

        db.Db.ChangeTracker.Clear();
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Filters_by_stage_and_chain_and_counts_the_matches(string provider)
    {
        await using var db = await WithProjectsAsync(provider);

        var page = await db.Queries.ListAsync(new ProjectFilter { StageId = db.Stage("contact").Id, ChainId = db.ChainId });

        Assert.Equal(2, page.Total);
        Assert.Equal(new HashSet<string> { "含氟医药中间体 100%_纯度", "六氟磷酸锂扩产项目" }, page.Rows.Select(r => r.Title).ToHashSet());
        Assert.All(page.Rows, r => Assert.Equal("接洽", r.StageZh));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Text_search_matches_chinese_titles_and_enterprise_names(string provider)
    {
        await using var db = await WithProjectsAsync(provider);

        var byTitle = await db.Queries.ListAsync(new ProjectFilter { Text = "含氟" });
        var byEnterprise = await db.Queries.ListAsync(new ProjectFilter { Text = "氟化工" });
        var english = await db.Queries.ListAsync(new ProjectFilter { Text = "sanming pharma", Sort = "title", Descending = false });
        var wildcard = await db.Queries.ListAsync(new ProjectFilter { Text = "%_" });

        Assert.Equal((1, "含氟医药中间体 100%_纯度"), (byTitle.Total, byTitle.Rows.Single().Title));
        Assert.Equal(2, byEnterprise.Total);
        Assert.Equal(["Fluoropolymer plant", "Imaging devices", "含氟医药中间体 100%_纯度"], english.Rows.Select(r => r.Title));
        Assert.Equal("含氟医药中间体 100%_纯度", wildcard.Rows.Single().Title);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Search_follows_renames_and_deletions(string provider)
    {
        // On SQLite the search index is kept by triggers: a rename or a deletion must reach it.
        await using var db = await WithProjectsAsync(provider);
        var project = await db.Db.Projects.SingleAsync(p => p.Title == "六氟磷酸锂扩产项目", TestContext.Current.CancellationToken);
        project.Title = "钠离子电池正极材料项目";
        await db.Db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, (await db.Queries.ListAsync(new ProjectFilter { Text = "六氟磷酸锂" })).Total);
        Assert.Equal(project.Id, (await db.Queries.ListAsync(new ProjectFilter { Text = "钠离子电池" })).Rows.Single().Id);

        await db.Db.Database.ExecuteSqlAsync($"""DELETE FROM "StageChanges" WHERE "ProjectId" = {project.Id}""", TestContext.Current.CancellationToken);
        await db.Db.Database.ExecuteSqlAsync($"""DELETE FROM "StageReached" WHERE "ProjectId" = {project.Id}""", TestContext.Current.CancellationToken);
        await db.Db.Database.ExecuteSqlAsync($"""DELETE FROM "Projects" WHERE "Id" = {project.Id}""", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await db.Queries.ListAsync(new ProjectFilter { Text = "钠离子电池" })).Total);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_board_counts_active_projects_per_stage(string provider)
    {
        await using var db = await WithProjectsAsync(provider);

        var board = await db.Queries.BoardAsync(new ProjectFilter { ChainId = db.ChainId }, perStage: 1);

        Assert.Equal(db.Stages.Count, board.Count);
        Assert.Equal((1, 1), (board[0].Count, board[0].Cards.Count));
        Assert.Equal((2, 1), (board[1].Count, board[1].Cards.Count));
        Assert.All(board.Skip(2), c => Assert.Equal(0, c.Count));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Counted_from_the_projects_the_board_count_stops_at_the_cap_and_says_so(string provider)
    {
        await using var db = await WithProjectsAsync(provider);

        // The owner is no dimension of the pipeline summary: the projects are counted.
        var board = await db.Queries.BoardAsync(new ProjectFilter { ChainId = db.ChainId, OwnerId = "staff-a" }, perStage: 5, countCap: 1);

        Assert.Equal((1, false), (board[0].Count, board[0].CountCapped));
        Assert.Equal((1, true, 2), (board[1].Count, board[1].CountCapped, board[1].Cards.Count));
        Assert.All(board.Skip(2), c => Assert.False(c.CountCapped));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Counted_from_the_pipeline_summary_the_board_count_is_exact_past_the_cap(string provider)
    {
        await using var db = await WithProjectsAsync(provider);

        var board = await db.Queries.BoardAsync(new ProjectFilter { ChainId = db.ChainId }, perStage: 5, countCap: 1);

        Assert.Equal((1, false), (board[0].Count, board[0].CountCapped));
        Assert.Equal((2, false, 2), (board[1].Count, board[1].CountCapped, board[1].Cards.Count));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_filter_offers_the_same_choices_in_the_same_order_as_the_edit_form(string provider)
    {
        await using var db = await WithProjectsAsync(provider);
        var plan = await db.Db.Plans.Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        db.Db.AddRange(new InvestCRM.Features.Plans.Park { PlanId = plan, Name = "永安基地", SortOrder = 2 },
            new InvestCRM.Features.Plans.Park { PlanId = plan, Name = "三明高新区", NameEn = "Sanming Hi-tech Zone", SortOrder = 1 },
            new InvestCRM.Features.Incubators.OffshoreIncubator { PlanId = plan, Name = "上海离岸孵化器", City = "上海" },
            new InvestCRM.Features.Incubators.OffshoreIncubator { PlanId = plan, Name = "北京离岸孵化器", City = "北京" });
        await db.Db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var form = await db.Queries.OptionsAsync(TestContext.Current.CancellationToken);
        var filter = await db.Queries.FilterOptionsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(form.Stages, filter.Stages);
        Assert.Equal(2, filter.Owners.Count);
        Assert.Equal(form.Owners, filter.Owners);
        Assert.Equal(form.Teams, filter.Teams);
        Assert.Equal(["三明高新区", "永安基地"], filter.Parks.Select(p => p.Zh));
        Assert.Equal(form.Parks, filter.Parks);
        Assert.Equal(form.Chains, filter.Chains);
        Assert.Equal(form.Incubators, filter.Incubators);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_export_has_the_filter_line_the_header_row_and_one_row_per_project(string provider)
    {
        await using var db = await WithProjectsAsync(provider);
        var headers = Enumerable.Range(1, ProjectExport.ColumnCount).Select(i => $"列{i}").ToList();
        var text = new ExportText("项目", "筛选：产业链 含氟新材料", headers, false, s => s.ToString(), s => s.ToString());
        using var stream = new MemoryStream();

        await new ProjectExport(db.Queries).WriteAsync(stream, new ProjectFilter { ChainId = db.ChainId }, text);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(2 + 3, rows.Count);
        Assert.Equal("筛选：产业链 含氟新材料", rows[0].Descendants<Text>().Single().Text);
        Assert.Equal(headers, rows[1].Descendants<Text>().Select(t => t.Text));
        var amount = rows[2].Elements<Cell>().ElementAt(8);
        var styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)amount.StyleIndex!.Value).NumberFormatId!.Value;
        Assert.Equal((1000m, "#,##0.00"), (decimal.Parse(amount.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture),
            styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value));
    }
}
