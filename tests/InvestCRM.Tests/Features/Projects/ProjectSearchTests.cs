using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Projects;

/// <summary>
/// The project list's text search (ProjectQueries.Search.cs) on both databases: through the indexes for short terms,
/// and, for a match too large to hold as ids, row by row with a capped count. Each test runs every search both ways.
/// </summary>
public class ProjectSearchTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private sealed record Fixture(ProjectTestDatabase Db, int Fluorine, int Pharma, int Incubator) : IAsyncDisposable
    {
        /// <summary>The normal queries, and queries that treat every match as too large to hold (the row-by-row path).</summary>
        public IEnumerable<ProjectQueries> BothWays() => [Db.Queries, new ProjectQueries(Db.Db, new ReferenceCache(), TimeProvider.System) { IdLimit = 0 }];

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    /// <summary>Two enterprises, six projects; the last is an offshore incubator's, owned by staff-b, at "contact".</summary>
    private static async Task<Fixture> WithProjectsAsync(string provider)
    {
        var db = await ProjectTestDatabase.CreateAsync(provider);
        var fluorine = await db.EnterpriseAsync("三明氟化工股份有限公司");
        var pharma = await db.EnterpriseAsync("Sanming Pharma Co., Ltd.");
        var plan = await db.Db.Plans.Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
        var incubator = new OffshoreIncubator { PlanId = plan, Name = "深圳离岸孵化器", City = "深圳" };
        db.Db.Incubators.Add(incubator);
        await db.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await AddAsync(db, fluorine, "六氟磷酸锂扩产项目");
        await AddAsync(db, pharma, "含氟医药中间体 100%_纯度");
        await AddAsync(db, pharma, "Fluoropolymer plant", "lead");
        await AddAsync(db, fluorine, "抗体药物研发中心");
        await AddAsync(db, pharma, @"数据路径 C:\temp", "lead");
        await AddAsync(db, fluorine, "氟橡胶密封件项目", owner: "staff-b", incubator: incubator.Id);
        return new Fixture(db, fluorine, pharma, incubator.Id);
    }

    /// <summary>Straight through EF (no service rules): each project one minute newer than the one before.</summary>
    private static async Task AddAsync(ProjectTestDatabase db, int enterprise, string title, string stage = "contact", string owner = "staff-a", int? incubator = null)
    {
        var at = Start.AddMinutes(await db.Db.Projects.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
        db.Db.Projects.Add(new Project
        {
            EnterpriseId = enterprise, Title = title, OwnerId = owner, StageId = db.Stage(stage).Id, StageEnteredAt = at,
            CreatedAt = at, UpdatedAt = at, IncubatorId = incubator, Source = incubator is null ? ProjectSource.SelfSourced : ProjectSource.OffshoreIncubator,
        });
        await db.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.Db.ChangeTracker.Clear();
    }

    private static async Task<HashSet<string>> TitlesAsync(ProjectQueries queries, string text, ProjectFilter? filter = null) =>
        (await queries.ListAsync((filter ?? new ProjectFilter()) with { Text = text }, TestContext.Current.CancellationToken)).Rows.Select(r => r.Title).ToHashSet();

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Two_character_terms_find_titles_and_enterprise_names(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);

        foreach (var queries in fixture.BothWays())
        {
            Assert.Equal(["六氟磷酸锂扩产项目"], await TitlesAsync(queries, "扩产"));
            Assert.Equal(["六氟磷酸锂扩产项目", "抗体药物研发中心", "氟橡胶密封件项目"], await TitlesAsync(queries, "化工"));
            Assert.Equal(["Fluoropolymer plant"], await TitlesAsync(queries, "fL"));
            Assert.Equal(["含氟医药中间体 100%_纯度", "Fluoropolymer plant", @"数据路径 C:\temp"], await TitlesAsync(queries, "pH"));
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Wildcards_in_a_term_are_taken_literally(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);

        foreach (var queries in fixture.BothWays())
        {
            Assert.Equal(["含氟医药中间体 100%_纯度"], await TitlesAsync(queries, "%_"));
            Assert.Equal(["含氟医药中间体 100%_纯度"], await TitlesAsync(queries, "_"));
            Assert.Empty(await TitlesAsync(queries, "__"));
            Assert.Empty(await TitlesAsync(queries, "%%"));
            Assert.Equal([@"数据路径 C:\temp"], await TitlesAsync(queries, @":\"));
            Assert.Equal([@"数据路径 C:\temp"], await TitlesAsync(queries, @"\"));
            Assert.Equal([@"数据路径 C:\temp"], await TitlesAsync(queries, @"c:\T"));
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task One_character_terms_find_the_character_anywhere_even_last(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);

        foreach (var queries in fixture.BothWays())
        {
            Assert.Equal(["六氟磷酸锂扩产项目", "含氟医药中间体 100%_纯度", "抗体药物研发中心", "氟橡胶密封件项目"], await TitlesAsync(queries, "氟"));
            Assert.Equal(["抗体药物研发中心"], await TitlesAsync(queries, "心"));
            Assert.Equal(["含氟医药中间体 100%_纯度", "Fluoropolymer plant", @"数据路径 C:\temp"], await TitlesAsync(queries, "T"));
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Longer_terms_keep_their_letter_case_rules(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);

        foreach (var queries in fixture.BothWays())
        {
            Assert.Equal(["含氟医药中间体 100%_纯度"], await TitlesAsync(queries, "中间体"));
            Assert.Equal(["含氟医药中间体 100%_纯度", "Fluoropolymer plant", @"数据路径 C:\temp"], await TitlesAsync(queries, "MA CO"));
            Assert.Equal(["Fluoropolymer plant"], await TitlesAsync(queries, "polymer PLANT"));
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Renames_and_deletions_reach_the_short_term_index(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);
        var db = fixture.Db.Db;
        var ct = TestContext.Current.CancellationToken;
        var project = await db.Projects.SingleAsync(p => p.Title == "六氟磷酸锂扩产项目", ct);
        project.Title = "钠电正极项目";
        (await db.Enterprises.SingleAsync(e => e.Id == fixture.Fluorine, ct)).Name = "宁德新材料有限公司";
        await db.SaveChangesAsync(ct);

        foreach (var queries in fixture.BothWays())
        {
            Assert.Empty(await TitlesAsync(queries, "扩产"));
            Assert.Empty(await TitlesAsync(queries, "化工"));
            Assert.Equal(["钠电正极项目"], await TitlesAsync(queries, "钠电"));
            Assert.Equal(["钠电正极项目", "抗体药物研发中心", "氟橡胶密封件项目"], await TitlesAsync(queries, "宁德"));
        }

        // A project moving to another enterprise (as a merge moves them) is found by its new enterprise's name only.
        var moved = await db.Projects.SingleAsync(p => p.Title == "抗体药物研发中心", ct);
        moved.EnterpriseId = fixture.Pharma;
        await db.SaveChangesAsync(ct);
        foreach (var queries in fixture.BothWays())
        {
            Assert.Equal(["钠电正极项目", "氟橡胶密封件项目"], await TitlesAsync(queries, "宁德"));
            Assert.Contains("抗体药物研发中心", await TitlesAsync(queries, "Ph"));
        }

        await db.Database.ExecuteSqlAsync($"""DELETE FROM "Projects" WHERE "Id" = {project.Id}""", ct);
        var spare = await fixture.Db.EnterpriseAsync("玄鸟科技有限公司");
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "Enterprises" WHERE "Id" = {spare}""", ct);

        foreach (var queries in fixture.BothWays())
        {
            Assert.Empty(await TitlesAsync(queries, "钠电"));
            Assert.Empty(await TitlesAsync(queries, "钠"));
        }

        if (provider == "sqlite")
        {
            // No project can show a deleted enterprise: its grams are checked in the table itself.
            var left = await db.Database.SqlQuery<int>($"""SELECT COUNT(*) AS "Value" FROM "EnterpriseNameGrams" WHERE "EnterpriseId" = {spare}""").SingleAsync(ct);
            Assert.Equal(0, left);
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_filtered_list_holds_the_rows_a_plain_text_comparison_finds(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);
        var db = fixture.Db;
        var partner = new CurrentUser("partner-x", "伙伴", new HashSet<string> { Roles.Partner }, null, fixture.Incubator);
        var filters = new[]
        {
            new ProjectFilter(), new ProjectFilter { StageId = db.Stage("contact").Id }, new ProjectFilter { OwnerId = "staff-b" },
            new ProjectFilter { StageId = db.Stage("lead").Id, OwnerId = "staff-a", Sort = "title", Descending = false },
        };

        var all = await db.Db.Projects.AsNoTracking()
            .Select(p => new Row(p.Id, p.Title, p.Enterprise!.Name, p.StageId, p.OwnerId, p.IncubatorId, p.UpdatedAt))
            .ToListAsync(TestContext.Current.CancellationToken);

        foreach (var user in new[] { ProjectTestDatabase.Staff("staff-a", db.TeamA), partner })
        {
            // A partner sees the projects of their incubator and no enterprise, so no enterprise name matches for them.
            var visible = user.IsPartner ? all.Where(p => p.IncubatorId == fixture.Incubator).Select(p => p with { Name = "" }).ToList() : all;
            db.User.Current = user;
            foreach (var (filter, text) in filters.SelectMany(f => new[] { "氟", "氟化", "ph", "Pharma", "项目" }.Select(t => (f, t))))
            {
                var expected = Expected(visible, filter, text);
                foreach (var queries in fixture.BothWays())
                {
                    var page = await queries.ListAsync(filter with { Text = text }, TestContext.Current.CancellationToken);
                    Assert.Equal((expected.Count, false), (page.Total, page.TotalCapped));
                    if (!user.IsPartner)
                    {
                        // The list's rows join the enterprise, which a partner may not see: only their count is compared.
                        Assert.Equal(expected, page.Rows.Select(r => r.Id));
                    }
                }
            }
        }
    }

    private sealed record Row(int Id, string Title, string Name, int StageId, string OwnerId, int? IncubatorId, DateTimeOffset UpdatedAt);

    /// <summary>What the search promises, by plain comparison: the title or the name contains the text, Latin case ignored.</summary>
    private static List<int> Expected(IEnumerable<Row> rows, ProjectFilter filter, string text)
    {
        var found = rows.Where(p => (filter.StageId is null || p.StageId == filter.StageId) && (filter.OwnerId is null || p.OwnerId == filter.OwnerId)
            && (p.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase)));
        var ordered = filter.Sort == "title"
            ? found.OrderBy(p => p.Title, StringComparer.Ordinal)
            : found.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id);
        return ordered.Select(p => p.Id).ToList();
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_common_term_pages_in_order_however_its_page_is_found(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);
        var newestFirst = await AddBatchAsync(fixture, 120);

        // 120 matches: on SQLite the page is found by walking the UpdatedAt index rather than by id (WalksOrderAsync).
        foreach (var queries in fixture.BothWays())
        {
            for (var page = 1; page <= 3; page++)
            {
                var result = await queries.ListAsync(new ProjectFilter { Text = "储能", Page = page }, TestContext.Current.CancellationToken);
                Assert.Equal(newestFirst.Skip((page - 1) * ProjectFilter.PageSize).Take(ProjectFilter.PageSize), result.Rows.Select(r => r.Id));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_search_matching_very_many_counts_up_to_the_cap_and_still_pages(string provider)
    {
        await using var fixture = await WithProjectsAsync(provider);
        var db = fixture.Db;
        await AddBatchAsync(fixture, 120);
        var counted = new ProjectQueries(db.Db, new ReferenceCache(), TimeProvider.System) { IdLimit = 10, CountCap = 50 };
        var known = new ProjectQueries(db.Db, new ReferenceCache(), TimeProvider.System) { IdLimit = 110, CountCap = 50 };
        async Task<ProjectPage> ListAsync(ProjectQueries queries, int page = 1, string? stage = null) => await queries.ListAsync(
            new ProjectFilter { Text = "储能", Page = page, StageId = stage is null ? null : db.Stage(stage).Id }, TestContext.Current.CancellationToken);

        var exact = await ListAsync(db.Queries);
        var (first, second, third) = (await ListAsync(counted), await ListAsync(counted, 2), await ListAsync(counted, 3));
        var (unCounted, narrowed, none) = (await ListAsync(known), await ListAsync(counted, stage: "contact"), await ListAsync(counted, stage: "lead"));

        Assert.Equal((120, false, 3), (exact.Total, exact.TotalCapped, exact.Pages));
        Assert.Equal((50, true, 2, 50), (first.Total, first.TotalCapped, first.Pages, first.Rows.Count));
        Assert.Equal((100, true, 3, 2), (second.Total, second.TotalCapped, second.Pages, second.Page));
        Assert.Equal((120, false, 3, 20), (third.Total, third.TotalCapped, third.Page, third.Rows.Count));
        Assert.Equal(exact.Rows.Select(r => r.Id), first.Rows.Select(r => r.Id));
        Assert.Equal((50, true), (unCounted.Total, unCounted.TotalCapped));
        Assert.Equal((50, true), (narrowed.Total, narrowed.TotalCapped));
        Assert.Equal((0, false), (none.Total, none.TotalCapped));
    }

    /// <summary>Projects "批量储能项目 n" at "contact", a minute apart after the fixture's; their ids, newest first.</summary>
    private static async Task<List<int>> AddBatchAsync(Fixture fixture, int count)
    {
        var db = fixture.Db;
        var projects = Enumerable.Range(0, count).Select(i => new Project
        {
            EnterpriseId = fixture.Pharma, Title = $"批量储能项目 {i:000}", OwnerId = "staff-a", StageId = db.Stage("contact").Id,
            StageEnteredAt = Start, CreatedAt = Start, UpdatedAt = Start.AddHours(1).AddMinutes(i),
        }).ToList();
        db.Db.Projects.AddRange(projects);
        await db.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.Db.ChangeTracker.Clear();
        return projects.AsEnumerable().Reverse().Select(p => p.Id).ToList();
    }
}
