using InvestCRM.Data;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Chains;

/// <summary>
/// A chain of six nodes whose firms reach them every way the map knows: flagged local, linked, with a project on the
/// node, counted, counted then dropped, counted then reversed, open, dropped before counting, and nothing at all.
/// </summary>
public sealed class ChainCoverageTests
{
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Each_node_counts_its_local_firms_open_projects_and_other_firms_once(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);

        var figures = await fixture.Coverage.FiguresAsync(fixture.Nodes);

        // 氢氟酸: 甲 is flagged local, 乙 linked and introduced by its project on 含氟聚合物.
        Assert.Equal(new NodeFigures(2, 0, 0), figures[fixture.HydrofluoricAcid]);
        // 含氟聚合物: 乙's counted project; 乙 is there once though also linked.
        Assert.Equal(new NodeFigures(1, 0, 0), figures[fixture.Polymers]);
        // 含氟涂料: 丙's project in negotiation and 戊's in first contact; 戊 is there once though also linked.
        Assert.Equal(new NodeFigures(0, 2, 2), figures[fixture.Coatings]);
        // 电解液: 丁's count was reversed (its project, signed, is past the open stages); 戊's project dropped before it counted.
        Assert.Equal(new NodeFigures(0, 0, 2), figures[fixture.Electrolyte]);
        // 氟化工装备: 己 counted, then dropped (a count stands); 戊's dropped project makes it a firm of the node, not local.
        Assert.Equal(new NodeFigures(1, 0, 1), figures[fixture.Equipment]);
        Assert.Equal(NodeFigures.None, figures[fixture.Empty]);
        Assert.Equal(
            [NodeStanding.Covered, NodeStanding.Covered, NodeStanding.Filling, NodeStanding.Gap, NodeStanding.Covered, NodeStanding.Gap],
            fixture.Nodes.Select(n => figures[n].Standing));
        // 甲 is also linked to the other chain's node, which no one asked for; a chain without nodes asks for none.
        Assert.Equal(fixture.Nodes.Count, figures.Count);
        Assert.Empty(await fixture.Coverage.FiguresAsync([]));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_node_lists_its_firms_by_name_and_its_open_projects_furthest_first(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);

        var acid = await fixture.Coverage.NodeAsync(fixture.HydrofluoricAcid);
        var electrolyte = await fixture.Coverage.NodeAsync(fixture.Electrolyte);
        var coatings = await fixture.Coverage.NodeAsync(fixture.Coatings);

        Assert.NotNull(acid);
        Assert.Equal("氢氟酸", acid.Node.Node.Name);
        Assert.Equal([("三明甲氟化工有限公司", true, false), ("乙材料有限公司", false, true)],
            acid.LocalFirms.Select(f => (f.Name, f.Flagged, f.Introduced)));
        Assert.Empty(acid.OtherFirms);
        Assert.NotNull(electrolyte);
        Assert.Empty(electrolyte.OpenProjects);
        Assert.Equal(["丁新能源有限公司", "戊科技有限公司"], electrolyte.OtherFirms.Select(f => f.Name));
        Assert.NotNull(coatings);
        Assert.Equal([("项目丙", "洽谈"), ("项目戊三", "接洽")], coatings.OpenProjects.Select(p => (p.Title, p.StageZh)));
        Assert.Equal(new NodeFigures(0, 2, 2), coatings.Figures);
        Assert.Null(await fixture.Coverage.NodeAsync(999_999));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Flagging_a_firm_local_covers_its_nodes_and_is_audited(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var db = fixture.Database.Db;
        var firm = await db.Enterprises.Include(e => e.ChainNodes).AsNoTracking().FirstAsync(e => e.Name == "戊科技有限公司");
        var service = CoreServices.Enterprises(db);
        fixture.Database.User.Current = ProjectTestDatabase.Staff("staff-a", fixture.Database.TeamA);

        var input = EnterpriseInput.From(firm);
        input.IsLocal = true;
        var outcome = await service.UpdateAsync(firm.Id, firm.Version, input);
        db.ChangeTracker.Clear();
        var figures = await fixture.Coverage.FiguresAsync(fixture.Nodes);

        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        Assert.Equal(new NodeFigures(1, 2, 1), figures[fixture.Coatings]);
        Assert.Equal(NodeStanding.Covered, figures[fixture.Electrolyte].Standing);
        Assert.Equal(NodeStanding.Covered, figures[fixture.Equipment].Standing);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Enterprise) && a.EntityId == firm.Id.ToString()).OrderBy(a => a.Id).LastAsync();
        Assert.Contains("IsLocal", audit.Changes);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_enterprise_search_finds_a_nodes_firms_as_the_map_counts_them(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var search = CoreServices.Enterprises(fixture.Database.Db);
        var figures = await fixture.Coverage.FiguresAsync(fixture.Nodes);

        foreach (var node in fixture.Nodes)
        {
            var found = await search.SearchAsync(new EnterpriseSearch(NodeId: node), 1);
            Assert.Equal(figures[node].LocalFirms + figures[node].OtherFirms, found.Total);
        }

        Assert.Equal(["戊科技有限公司", "丁新能源有限公司"], (await search.SearchAsync(new EnterpriseSearch(NodeId: fixture.Electrolyte), 1)).Rows.Select(r => r.Name));
        Assert.Equal(["戊科技有限公司"], (await search.SearchAsync(new EnterpriseSearch("戊", NodeId: fixture.Coatings), 1)).Rows.Select(r => r.Name));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_local_filter_finds_a_nodes_local_firms_as_the_map_counts_them(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var search = CoreServices.Enterprises(fixture.Database.Db);
        var figures = await fixture.Coverage.FiguresAsync(fixture.Nodes);

        foreach (var node in fixture.Nodes)
        {
            var local = await search.SearchAsync(new EnterpriseSearch(LocalOnly: true, NodeId: node), 1);
            Assert.Equal(figures[node].LocalFirms, local.Total);
        }

        // 乙 is not marked local but its project counted; 己's count stands though dropped; 丁's count was reversed.
        Assert.Equal(["己装备有限公司", "乙材料有限公司", "三明甲氟化工有限公司"],
            (await search.SearchAsync(new EnterpriseSearch(LocalOnly: true), 1)).Rows.Select(r => r.Name));
        Assert.Equal(["乙材料有限公司"], (await search.SearchAsync(new EnterpriseSearch(LocalOnly: true, NodeId: fixture.Polymers), 1)).Rows.Select(r => r.Name));
        Assert.Equal(0, (await search.SearchAsync(new EnterpriseSearch(LocalOnly: true, NodeId: fixture.Electrolyte), 1)).Total);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task An_open_projects_row_of_the_export_names_its_firms_credit_code_and_city(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var db = fixture.Database.Db;
        const string code = "91350404176075634M";
        await db.Enterprises.Where(e => e.Name == "丙涂层有限公司")
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CreditCode, code).SetProperty(e => e.HqCity, "三明市"));
        var text = new NodeExportText("环节", _ => "标题", ["类别", "企业", "信用代码", "城市", "阶段", "项目", "更新"],
            "本地", "在谈", "目标", _ => "", p => p.StageZh);

        var output = new MemoryStream();
        Assert.True(await fixture.Coverage.WriteXlsxAsync(output, fixture.Coatings, text));

        var rows = SheetRows.Read(new MemoryStream(output.ToArray()));
        Assert.Equal(["在谈", "丙涂层有限公司", code, "三明市", "洽谈", "项目丙"], rows.Single(r => r is ["在谈", "丙涂层有限公司", ..]).Take(6));
        Assert.Equal(["在谈", "戊科技有限公司", "", "", "接洽", "项目戊三"], rows.Single(r => r is ["在谈", "戊科技有限公司", ..]).Take(6));
    }

    private sealed class Fixture : IAsyncDisposable
    {
        private Fixture(ProjectTestDatabase database)
        {
            Database = database;
            var db = database.Db;
            Coverage = new ChainCoverage(db, new ChainService(db),
                new TargetProgress(db, new TargetCatalog(db, new ReferenceCache()), new LedgerQueries(db), new ReferenceCache(), TimeProvider.System));
        }

        public ProjectTestDatabase Database { get; }
        public ChainCoverage Coverage { get; }
        public List<int> Nodes { get; } = [];
        public int HydrofluoricAcid => Nodes[0];
        public int Polymers => Nodes[1];
        public int Coatings => Nodes[2];
        public int Electrolyte => Nodes[3];
        public int Equipment => Nodes[4];
        public int Empty => Nodes[5];

        public static async Task<Fixture> CreateAsync(string provider)
        {
            var fixture = new Fixture(await ProjectTestDatabase.CreateAsync(provider));
            await fixture.BuildAsync();
            return fixture;
        }

        private async Task BuildAsync()
        {
            var db = Database.Db;
            var nodes = new[]
            {
                (ChainSegment.Upstream, "氢氟酸"), (ChainSegment.Midstream, "含氟聚合物"), (ChainSegment.Downstream, "含氟涂料"),
                (ChainSegment.Downstream, "电解液"), (ChainSegment.Midstream, "氟化工装备"), (ChainSegment.Downstream, "含氟医药中间体"),
            }.Select(n => new ChainNode { ChainId = Database.ChainId, Segment = n.Item1, Name = n.Item2 }).ToList();
            var elsewhere = new ChainNode { ChainId = Database.OtherChainId, Segment = ChainSegment.Upstream, Name = "原料药" };
            db.ChainNodes.AddRange([.. nodes, elsewhere]);
            await db.SaveChangesAsync();
            Nodes.AddRange(nodes.Select(n => n.Id));

            await FirmAsync("三明甲氟化工有限公司", local: true, HydrofluoricAcid, elsewhere.Id);
            var yi = await FirmAsync("乙材料有限公司", local: false, HydrofluoricAcid, Polymers);
            var bing = await FirmAsync("丙涂层有限公司", local: false);
            var ding = await FirmAsync("丁新能源有限公司", local: false);
            var wu = await FirmAsync("戊科技有限公司", local: false, Coatings, Electrolyte);
            var ji = await FirmAsync("己装备有限公司", local: false);

            await SignedAsync(await ProjectAsync("乙", yi, Polymers));
            await MoveAsync(await ProjectAsync("丙", bing, Coatings), Database.Stage("negotiation").Id);
            await MoveAsync(await ProjectAsync("戊三", wu, Coatings), Database.Stage("contact").Id);
            var dingProject = await ProjectAsync("丁", ding, Electrolyte);
            await SignedAsync(dingProject);
            var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.ProjectId == dingProject);
            Assert.True((await new LedgerService(db, TimeProvider.System).ReverseAsync(entry.Id, "重复上报")).Succeeded);
            await DropAsync(await ProjectAsync("戊", wu, Electrolyte));
            await DropAsync(await ProjectAsync("戊二", wu, Equipment));
            var jiProject = await ProjectAsync("己", ji, Equipment);
            await SignedAsync(jiProject);
            await DropAsync(jiProject);
            db.ChangeTracker.Clear();
        }

        private async Task<int> FirmAsync(string name, bool local, params int[] nodes)
        {
            var firm = new Enterprise { Name = name, NormalizedName = EnterpriseName.Normalize(name), IsLocal = local, CreatedAt = DateTimeOffset.UtcNow };
            firm.ChainNodes.AddRange(nodes.Select(n => new EnterpriseChainNode { ChainNodeId = n }));
            Database.Db.Enterprises.Add(firm);
            await Database.Db.SaveChangesAsync();
            return firm.Id;
        }

        private async Task<int> ProjectAsync(string title, int enterprise, int node)
        {
            var outcome = await Database.Projects.CreateAsync(new ProjectInput
            {
                EnterpriseId = enterprise, Title = $"项目{title}", OwnerId = "staff-a", TeamId = Database.TeamA,
                ChainId = Database.ChainId, ChainNodeId = node, PlannedInvestmentWan = 1000,
            });
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            Database.Db.ChangeTracker.Clear();
            return outcome.Id;
        }

        private Task SignedAsync(int project) => MoveAsync(project, Database.Stage("signed").Id,
            new StageFacts { AgreementDate = new DateOnly(2026, 3, 1), SignedAmountWan = 1000 });

        private async Task MoveAsync(int project, int stage, StageFacts? facts = null)
        {
            var version = await Version(project);
            var outcome = await Database.Projects.MoveAsync(project, version, new StageMove(stage, null) { Facts = facts });
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            Database.Db.ChangeTracker.Clear();
        }

        private async Task DropAsync(int project)
        {
            var outcome = await Database.Projects.SetStatusAsync(project, await Version(project), ProjectStatus.Dropped, "企业战略调整", DropReason.StrategyChange);
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            Database.Db.ChangeTracker.Clear();
        }

        private Task<int> Version(int project) =>
            Database.Db.Projects.AsNoTracking().Where(p => p.Id == project).Select(p => p.Version).SingleAsync();

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
