using System.Data.Common;
using System.Globalization;

namespace InvestCRM.Bench.Measuring;

/// <summary>One thing a user does, measured over HTTP against the running app and as raw SQL on the same database.</summary>
internal sealed record Scenario(string Name, Func<BenchClient, Random, Task<int>> Http, Func<DbConnection, Random, Task<int>> Raw);

/// <summary>
/// Every scenario in one place: the URLs, query parameters and form fields of the real pages. When a page
/// changes its routes or field names, this is the file to adjust.
/// </summary>
internal static class Scenarios
{
    public const string Email = "manager@demo.investcrm.local";
    public const string Password = "Sanming-Demo-2026";
    public const int PageSize = 50;
    public const int BoardCardsPerStage = 20;
    public const string CommonTerm = "新能源";

    /// <summary>Trade names the generator uses rarely (NameParts.RareTradeNames); the one of two characters and the one of three with the fewest hits are searched.</summary>
    public static readonly string[] RareTerms = ["琥珀湾", "青鸾", "玄鸟", "麒麟角"];

    public const string QuickLogPath = "/activities/new";
    public const string MyWorkPath = "/my-work";

    /// <summary>The quick-log form is recognised by these fields; the others (handler, antiforgery token, defaults) are sent as rendered.</summary>
    public static readonly string[] QuickLogRequired = ["Input.Summary"];

    private static Dictionary<string, string> QuickLogFields(ScenarioData data, Random random, IReadOnlyDictionary<string, string> rendered)
    {
        var project = data.RandomProject(random);
        var fields = new Dictionary<string, string>(rendered)
        {
            ["Input.ProjectId"] = project.ToString(CultureInfo.InvariantCulture),
            ["Input.EnterpriseId"] = data.EnterpriseOfProject(project).ToString(CultureInfo.InvariantCulture),
            ["Input.Type"] = "Call",
            ["Input.Summary"] = "电话跟进项目进展（性能测试）",
        };
        if (fields.ContainsKey("Input.OccurredAt"))
        {
            fields["Input.OccurredAt"] = DateTime.Now.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        }

        return fields;
    }

    public static IReadOnlyList<Scenario> All(ScenarioData data) =>
    [
        new($"list: stage+chain, by updated, page 3 ({data.ListMatches:N0} rows)",
            (client, _) => client.GetAsync($"/projects?stage={data.StageId}&chain={data.ChainId}&sort=updated&dir=desc&page=3"),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.List, ("@stage", data.StageId), ("@chain", data.ChainId))),
        new($"search: rare term {data.RareTerm} ({data.RareMatches:N0} hits)",
            (client, _) => client.GetAsync($"/projects?q={Uri.EscapeDataString(data.RareTerm)}"),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.Search, ("@q", $"%{data.RareTerm}%"))),
        new($"search: rare term {data.RareLongTerm} ({data.RareLongMatches:N0} hits)",
            (client, _) => client.GetAsync($"/projects?q={Uri.EscapeDataString(data.RareLongTerm)}"),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.Search, ("@q", $"%{data.RareLongTerm}%"))),
        new($"search: common term {CommonTerm}",
            (client, _) => client.GetAsync($"/projects?q={Uri.EscapeDataString(CommonTerm)}"),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.Search, ("@q", $"%{CommonTerm}%"))),
        new("funnel: whole plan",
            (client, _) => client.GetAsync("/funnel"),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.Funnel)),
        new("funnel: chain, plan year 3",
            (client, _) => client.GetAsync($"/funnel?period=y3&chain={data.ChainId}"),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.FunnelChain, ("@chain", data.ChainId))),
        new("board",
            (client, _) => client.GetAsync("/projects/board"),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.Board(data.StageIds))),
        new("project page",
            (client, random) => client.GetAsync($"/projects/{data.RandomProject(random)}"),
            (db, random) => RawSql.ReadAllAsync(db, RawSql.ProjectPage, ("@id", data.RandomProject(random)))),
        new("quick log (POST)",
            // Without the form (page not built yet) the post still goes out, and the app's refusal is what gets counted.
            (client, random) => client.Forms.TryGetValue(QuickLogPath, out var form)
                ? client.PostFormAsync(form.Action ?? QuickLogPath, QuickLogFields(data, random, form.Fields))
                : client.PostFormAsync(QuickLogPath, new Dictionary<string, string>()),
            (db, random) => RawSql.WriteAsync(db, RawSql.QuickLog, ("@at", RawSql.At(db, DateTimeOffset.UtcNow)), ("@summary", "电话跟进项目进展（性能测试）"),
                ("@done", false), ("@user", data.UserId), ("@id", data.RandomProject(random)))),
        new("my work",
            (client, _) => client.GetAsync(MyWorkPath),
            (db, _) => RawSql.ReadAllAsync(db, RawSql.MyWork, ("@user", data.UserId), ("@open", false), ("@today", RawSql.Day(db, DateOnly.FromDateTime(DateTime.Now))),
                ("@stale", RawSql.At(db, DateTimeOffset.UtcNow.AddDays(-30))), ("@recent", RawSql.At(db, DateTimeOffset.UtcNow.AddDays(-7))))),
    ];
}
