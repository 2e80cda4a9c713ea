using System.Net;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Infrastructure;

/// <summary>A count before a noun reads in the singular for 1 in English (Display.Count and the ".One" texts).</summary>
public abstract class CountTextTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task The_enterprise_list_says_1_enterprise_and_2_enterprises()
    {
        var one = Guid.NewGuid().ToString("N")[..8];
        var two = Guid.NewGuid().ToString("N")[..8];
        await FirmsAsync($"计数一{one}有限公司");
        await FirmsAsync($"计数二{two}甲有限公司", $"计数二{two}乙有限公司");
        using var session = await EnglishSessionAsync();

        var single = await session.GetPageAsync($"/enterprises?q={one}");
        var plural = await session.GetPageAsync($"/enterprises?q={two}");

        Assert.Contains(">1 enterprise</span>", single);
        Assert.Contains(">2 enterprises</span>", plural);
    }

    [Fact]
    public async Task The_chain_map_says_1_link_has_and_3_links_have()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (single, _) = await App.Database.AddChainAsync($"单环节链{tag}", $"唯一环节{tag}");
        var (three, _) = await App.Database.AddChainAsync($"三环节链{tag}", $"甲{tag}", $"乙{tag}", $"丙{tag}");
        using var session = await EnglishSessionAsync();

        var one = WebUtility.HtmlDecode(await session.GetPageAsync($"/chains/{single}"));
        var many = WebUtility.HtmlDecode(await session.GetPageAsync($"/chains/{three}"));

        Assert.Contains("0 of 1 link has local firms; being filled: 0; gaps: 1.", one);
        Assert.Contains("0 of 3 links have local firms; being filled: 0; gaps: 3.", many);
    }

    [Fact]
    public void Chinese_reads_the_same_for_1_as_for_any_count()
    {
        foreach (var key in new[] { "Enterprise.Found", "Projects.ResultCount", "Ledger.SliceHint", "Chain.CoverageSummary" })
        {
            Assert.Equal(UiText.Chinese(key), UiText.Chinese(key + ".One"));
        }
    }

    private async Task FirmsAsync(params string[] names)
    {
        await using var db = App.Database.CreateContext();
        db.Enterprises.AddRange(names.Select(n => new Enterprise { Name = n, NormalizedName = EnterpriseName.Normalize(n), CreatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync(Ct);
    }

    private async Task<WebSession> EnglishSessionAsync()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var session = await App.SignedInSessionAsync(user.Email, user.Password);
        using var switched = await session.SubmitAsync("/", "/culture", new Dictionary<string, string> { ["culture"] = "en-US" });
        return session;
    }

    public sealed class Sqlite(SqliteApp app) : CountTextTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : CountTextTests(app), IClassFixture<PostgresApp>;
}
