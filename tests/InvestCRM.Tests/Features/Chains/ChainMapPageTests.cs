using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Chains;

/// <summary>The chain map as staff read it: a firm saved as local on the enterprise form covers its node; the others are gaps.</summary>
public abstract class ChainMapPageTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task A_firm_saved_local_covers_its_node_and_a_linked_firm_elsewhere_is_a_target_of_a_gap()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (chainId, nodes) = await AddChainAsync(tag);
        var user = await App.CreateUserAsync(Roles.Staff);
        using var staff = await App.SignedInSessionAsync(user.Email, user.Password);
        var local = $"三明本地测试{tag}有限公司";
        var elsewhere = $"外地测试{tag}有限公司";

        using var savedLocal = await CreateFirmAsync(staff, local, nodes[0], isLocal: true);
        using var savedElsewhere = await CreateFirmAsync(staff, elsewhere, nodes[1], isLocal: false);
        var map = await staff.GetPageAsync($"/chains/{chainId}");
        var covered = await staff.GetPageAsync($"/chain-nodes/{nodes[0]}");
        var gap = await staff.GetPageAsync($"/chain-nodes/{nodes[1]}");

        Assert.True(WebSession.IsRedirect(savedLocal) && WebSession.IsRedirect(savedElsewhere));
        await using var db = App.Database.CreateContext();
        var firms = await db.Enterprises.AsNoTracking().Where(e => e.Name == local || e.Name == elsewhere).ToDictionaryAsync(e => e.Name, Ct);
        Assert.True(firms[local].IsLocal);
        Assert.False(firms[elsewhere].IsLocal);
        Assert.Contains(string.Format(UiText.Chinese("Chain.CoverageSummary"), 1, 3, 0, 2), map);
        Assert.Equal(("covered", string.Format(UiText.Chinese("Chain.NodeFigures"), 1, 0, 0)), Node(map, nodes[0]));
        Assert.Equal(("gap", string.Format(UiText.Chinese("Chain.NodeFigures"), 0, 0, 1)), Node(map, nodes[1]));
        Assert.Equal(("gap", string.Format(UiText.Chinese("Chain.NodeFigures"), 0, 0, 0)), Node(map, nodes[2]));
        Assert.Contains($"<a href=\"/enterprises/{firms[local].Id}\">{local}</a>", covered);
        Assert.Contains(UiText.Chinese("Chain.NoOtherFirms"), covered);
        Assert.Contains(UiText.Chinese("Chain.NoLocalFirms"), gap);
        Assert.Contains($"href=\"/projects/new?enterpriseId={firms[elsewhere].Id}\"", gap);
        var detail = await staff.GetPageAsync($"/enterprises/{firms[local].Id}");
        Assert.Contains($"<dt>{UiText.Chinese("Field.Enterprise.IsLocal")}</dt><dd>{UiText.Chinese("Common.Yes")}</dd>", detail);

        using var switched = await staff.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });
        var english = await staff.GetPageAsync($"/chain-nodes/{nodes[1]}");
        Assert.Contains(UiText.English("Enum.NodeStanding.Gap"), english);
        Assert.Contains($"{UiText.English("Chain.OtherFirms")} (1)", english);
    }

    [Fact]
    public async Task A_node_exports_its_local_firms_open_projects_and_targets_in_one_sheet()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, nodes) = await AddChainAsync(tag);
        var user = await App.CreateUserAsync(Roles.Staff);
        using var staff = await App.SignedInSessionAsync(user.Email, user.Password);
        using var local = await CreateFirmAsync(staff, $"三明本地导出{tag}有限公司", nodes[0], isLocal: true);
        using var target = await CreateFirmAsync(staff, $"外地导出{tag}有限公司", nodes[0], isLocal: false);

        using var export = await staff.GetAsync($"/chain-nodes/{nodes[0]}/export");
        using var missing = await staff.GetAsync("/chain-nodes/999999/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct)), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal($"测试链{tag} / 环节甲{tag} · {UiText.Chinese("Enum.NodeStanding.Covered")} · "
            + string.Format(UiText.Chinese("Chain.NodeFigures"), 1, 0, 1), Assert.Single(rows[0]));
        Assert.Equal([UiText.Chinese("Chain.Kind"), UiText.Chinese("Field.Enterprise.Name")], rows[1].Take(2));
        Assert.Equal([UiText.Chinese("Chain.LocalFirms"), $"三明本地导出{tag}有限公司", "", "", UiText.Chinese("Field.Enterprise.IsLocal")], rows[2]);
        Assert.Equal([UiText.Chinese("Chain.OtherFirms"), $"外地导出{tag}有限公司", "", ""], rows[3]);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task The_enterprise_list_and_its_export_narrow_to_a_node_and_to_local_firms()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (_, nodes) = await AddChainAsync(tag);
        var user = await App.CreateUserAsync(Roles.Staff);
        using var staff = await App.SignedInSessionAsync(user.Email, user.Password);
        using var local = await CreateFirmAsync(staff, $"三明本地筛选{tag}有限公司", nodes[0], isLocal: true);
        using var target = await CreateFirmAsync(staff, $"外地筛选{tag}有限公司", nodes[0], isLocal: false);

        var byNode = await staff.GetPageAsync($"/enterprises?node={nodes[0]}");
        var localOnly = await staff.GetPageAsync($"/enterprises/results?node={nodes[0]}&local=1");
        using var export = await staff.GetAsync($"/enterprises/export?node={nodes[0]}&local=1");

        Assert.Contains(string.Format(UiText.Chinese("Enterprise.Found"), 2), byNode);
        Assert.Matches($"<option value=\"{nodes[0]}\" selected", byNode);
        Assert.Contains($"三明本地筛选{tag}有限公司", localOnly);
        Assert.DoesNotContain($"外地筛选{tag}有限公司", localOnly);
        Assert.Contains($"href=\"/enterprises/export?local=1&node={nodes[0]}\"", WebUtility.HtmlDecode(localOnly));
        using var document = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct)), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal($"{UiText.Chinese("Nav.Enterprises")}；{UiText.Chinese("Enterprise.LocalOnly")}；"
            + $"{UiText.Chinese("Field.Enterprise.ChainNodeIds")}：测试链{tag} / 环节甲{tag}", Assert.Single(rows[0]));
        Assert.Equal([$"三明本地筛选{tag}有限公司"], rows.Skip(2).Select(r => r[0]));
    }

    [Fact]
    public async Task An_unknown_node_answers_404()
    {
        using var staff = await App.SignedInSessionAsync(DemoAccounts.Staff, DemoAccounts.Password);

        using var response = await staff.GetAsync("/chain-nodes/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A node's standing (its list item's class) and its figures line, from the map page.</summary>
    private static (string Standing, string Figures) Node(string page, int nodeId)
    {
        var match = Regex.Match(page, $"""<li class="node-(\w+)">\s*<span class="node">\s*<a href="/chain-nodes/{nodeId}">.*?<span class="hint">(.*?)</span>""",
            RegexOptions.Singleline);
        Assert.True(match.Success, $"No node {nodeId} on the map.");
        return (match.Groups[1].Value, System.Net.WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    /// <summary>测试链{tag} with 环节甲 (上游), 环节乙 (中游) and 环节丙 (下游).</summary>
    private Task<(int ChainId, int[] Nodes)> AddChainAsync(string tag) =>
        App.Database.AddChainAsync($"测试链{tag}", $"环节甲{tag}", $"环节乙{tag}", $"环节丙{tag}");

    private static Task<HttpResponseMessage> CreateFirmAsync(WebSession session, string name, int node, bool isLocal)
    {
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["ChainNodeIds"] = node.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (isLocal)
        {
            fields["Input.IsLocal"] = "true";
        }

        return session.SubmitFormAsync("/enterprises/new", "enterprise-new", fields);
    }

    public sealed class Sqlite(SqliteApp app) : ChainMapPageTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ChainMapPageTests(app), IClassFixture<PostgresApp>;
}
