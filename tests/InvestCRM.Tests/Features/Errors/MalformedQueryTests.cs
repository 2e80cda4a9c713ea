using System.Net;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Errors;

/// <summary>A link edited by hand (?page=abc, a date in year 1 or 9999) is ignored where it does not parse, never a 500.</summary>
public abstract class MalformedQueryTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Pages_ignore_query_values_that_do_not_parse()
    {
        await using var db = App.Database.CreateContext();
        var incubator = await db.Incubators.Select(i => i.Id).FirstAsync(Ct);
        var enterprise = await db.Enterprises.Select(e => e.Id).FirstAsync(Ct);
        var project = await db.Projects.Select(p => p.Id).FirstAsync(Ct);
        using var admin = await App.SignedInSessionAsync(DemoAccounts.Admin, DemoAccounts.Password);
        string[] urls =
        [
            "/enterprises?page=abc", "/ledger?target=abc", "/ledger?target=1&page=x", "/ledger?month=２", "/referrals?incubator=北京",
            $"/incubators/{incubator}?saved=yes", "/activities?from=0001-01-01&to=9999-12-31", "/projects/new?enterpriseId=1e3",
            $"/projects/{project}?moveTo=next", $"/enterprises/{enterprise}/merge?other=abc", "/admin/api-keys?revoked=yes",
            "/account/two-factor?required=maybe", "/admin/users/new?incubator=x",
        ];

        foreach (var url in urls)
        {
            using var response = await admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_merge_of_a_firm_with_itself_says_so_rather_than_not_found()
    {
        await using var db = App.Database.CreateContext();
        var enterprise = await db.Enterprises.Select(e => e.Id).FirstAsync(Ct);
        using var admin = await App.SignedInSessionAsync(DemoAccounts.Admin, DemoAccounts.Password);

        var page = await admin.GetPageAsync($"/enterprises/{enterprise}/merge?other={enterprise}");

        Assert.Contains($"role=\"alert\">{UiText.Chinese("Rule.MergeSame")}</p>", page);
        Assert.DoesNotContain(UiText.Chinese("Rule.NotFound"), page);
    }

    public sealed class Sqlite(SqliteApp app) : MalformedQueryTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : MalformedQueryTests(app), IClassFixture<PostgresApp>;
}
