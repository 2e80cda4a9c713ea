using System.Net;
using System.Text.Json;
using InvestCRM.Features.Referrals;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>GET /api/v1/referrals: its filters and paging, and the problems a filter or page it cannot serve gets.</summary>
public abstract class ReferralListTests(PartnerApp app) : AppTests(app)
{
    private new PartnerApp App => app;

    [Fact]
    public async Task A_stage_code_in_any_case_lists_the_accepted_referrals_whose_project_is_at_that_stage()
    {
        var incubator = await App.IncubatorIdAsync("北京");
        var (_, token) = await App.IssueKeyAsync(incubator);
        int[] expected;
        string code, nameEn;
        await using (var db = App.Database.CreateContext())
        {
            var stageId = await db.Referrals.Where(r => r.IncubatorId == incubator && r.Status == ReferralStatus.Accepted)
                .Join(db.Projects, r => r.ProjectId, p => p.Id, (r, p) => p.StageId).FirstAsync(Ct);
            var stage = await db.Stages.Where(s => s.Id == stageId).Select(s => new { s.Code, s.NameEn }).FirstAsync(Ct);
            (code, nameEn) = (stage.Code, stage.NameEn);
            expected = await db.Referrals.Where(r => r.IncubatorId == incubator && r.Status == ReferralStatus.Accepted)
                .Join(db.Projects.Where(p => p.StageId == stageId), r => r.ProjectId, p => p.Id, (r, _) => r.Id).ToArrayAsync(Ct);
        }

        using var response = await App.ApiClient(token).GetAsync($"/api/v1/referrals?stage={code.ToUpperInvariant()}&pageSize=100", Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected.Order(), items.Select(i => i.GetProperty("id").GetInt32()).Order());
        Assert.All(items, i => Assert.Equal(nameEn, i.GetProperty("stageNameEn").GetString()));
    }

    [Fact]
    public async Task An_unknown_stage_is_a_localised_problem_on_stage_and_the_document_lists_the_codes()
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));

        using var response = await App.ApiClient(token, "en-US").GetAsync("/api/v1/referrals?stage=Accepted", Ct);
        using var document = await App.ApiClient(null).GetAsync("/api/v1/openapi.json", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(UiText.English("Api.Problem.UnknownStage"), problem.GetProperty("errors").GetProperty("stage")[0].GetString());
        var stage = JsonDocument.Parse(await document.Content.ReadAsStringAsync(Ct)).RootElement
            .GetProperty("paths").GetProperty("/api/v1/referrals").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "stage");
        var description = stage.GetProperty("description").GetString();
        Assert.Contains("`lead`", description);
        Assert.Contains("`site-visit`", description);
        Assert.Contains("`production`", description);
    }

    [Fact]
    public async Task A_page_past_the_last_is_empty_even_at_the_largest_number()
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));

        using var response = await App.ApiClient(token).GetAsync($"/api/v1/referrals?page={int.MaxValue}", Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var list = JsonDocument.Parse(body).RootElement;
        Assert.True(list.GetProperty("total").GetInt32() > 0);
        Assert.Equal(int.MaxValue, list.GetProperty("page").GetInt32());
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("page=0", "page", "Api.Problem.Page")]
    [InlineData("page=-3", "page", "Api.Problem.Page")]
    [InlineData("pageSize=0", "pageSize", "Api.Problem.PageSize")]
    [InlineData("pageSize=101", "pageSize", "Api.Problem.PageSize")]
    public async Task A_page_or_page_size_out_of_range_is_a_localised_problem_naming_it(string query, string parameter, string message)
    {
        var (_, token) = await App.IssueKeyAsync(await App.IncubatorIdAsync("北京"));

        using var response = await App.ApiClient(token).GetAsync($"/api/v1/referrals?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(UiText.Chinese("Api.Problem.Invalid.Title"), problem.GetProperty("title").GetString());
        Assert.Equal(UiText.Chinese(message), problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    public sealed class Sqlite(PartnerSqliteApp app) : ReferralListTests(app), IClassFixture<PartnerSqliteApp>;

    public sealed class Postgres(PartnerPostgresApp app) : ReferralListTests(app), IClassFixture<PartnerPostgresApp>;
}
