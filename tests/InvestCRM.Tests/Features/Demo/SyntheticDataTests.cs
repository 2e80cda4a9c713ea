using InvestCRM.Features.Demo;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;
using Xunit;

namespace InvestCRM.Tests.Features.Demo;

public class SyntheticDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly SyntheticSize Size = new(Enterprises: 400, Projects: 600, Activities: 4000);

    [Fact]
    public void Every_project_has_the_facts_its_stage_requires()
    {
        var catalog = Catalog();
        var projects = Generate(catalog, 7).Projects.ToList();

        foreach (var history in projects)
        {
            var project = history.Project;
            var stage = catalog.Stages.Single(s => s.Id == project.StageId);
            var required = StageRules.FactsRequiredBetween(catalog.Stages, catalog.Stages[0], stage);
            Assert.Empty(StageRules.MissingFacts(project, required));
        }

        Assert.Contains(projects, h => h.Project.StageId == catalog.Stages.Single(s => s.Code == "registered").Id);
    }

    [Fact]
    public void The_landing_dates_follow_the_pipeline_so_a_demo_project_can_be_edited_as_it_is()
    {
        var projects = Generate(Catalog(), 7).Projects.Select(h => h.Project).ToList();

        Assert.Contains(projects, p => p.ProductionStartedOn is not null);
        Assert.All(projects, p => Assert.Empty(StageDates.Inversions(p.AgreementDate, p.RegisteredOn, p.ConstructionStartedOn, p.ProductionStartedOn)));
    }

    [Fact]
    public void Stage_reached_has_one_row_per_stage_up_to_the_furthest_reached()
    {
        var catalog = Catalog();

        foreach (var history in Generate(catalog, 11).Projects)
        {
            var furthest = history.Changes.Max(c => catalog.Stages.Single(s => s.Id == c.ToStageId).Order);
            var expected = catalog.Stages.Where(s => s.Order <= furthest).Select(s => s.Id).ToList();
            Assert.Equal(expected, history.Reached.Select(r => r.StageId).Order().ToList());
            Assert.All(history.Reached, r => Assert.Equal(FirstChangeReaching(history, catalog, r.StageId), r.FirstReachedAt));
        }
    }

    [Fact]
    public void Histories_are_in_time_order_between_2021_and_now_with_activities_inside_the_project_life()
    {
        foreach (var history in Generate(Catalog(), 3).Projects)
        {
            Assert.Equal(history.Changes.OrderBy(c => c.At).Select(c => c.Id), history.Changes.Select(c => c.Id));
            Assert.True(history.Changes[0].At >= SyntheticData.Start && history.Changes[^1].At <= Now);
            Assert.All(history.Activities, a => Assert.InRange(a.OccurredAt, history.Project.CreatedAt, Now));
            Assert.Equal(history.Changes.Count(c => c.ToStatus != c.FromStatus) > 0, history.Project.Status != ProjectStatus.Active);
        }
    }

    [Fact]
    public void Credit_codes_are_valid_and_unique_for_about_seventy_percent_of_enterprises()
    {
        var data = Generate(Catalog(), 5);
        var codes = data.Enterprises.Select(e => e.CreditCode).OfType<string>()
            .Concat(data.Projects.Select(p => p.Project.LocalEntityCreditCode).OfType<string>()).ToList();

        Assert.All(codes, c => Assert.True(CreditCode.IsValid(c), c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.InRange(data.Enterprises.Count(e => e.CreditCode is not null), 0.6 * Size.Enterprises, 0.8 * Size.Enterprises);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_different_ones()
    {
        var catalog = Catalog();
        string Fingerprint(int seed)
        {
            var data = Generate(catalog, seed);
            return string.Join("|", data.Enterprises.Select(e => e.Name + e.CreditCode)) + string.Join("|", data.Projects.Select(p =>
                $"{p.Project.Title}{p.Project.StageId}{p.Project.Status}{p.Project.UpdatedAt:O}{p.Activities.Count}{p.Activities.LastOrDefault()?.Summary}"));
        }

        Assert.Equal(Fingerprint(42), Fingerprint(42));
        Assert.NotEqual(Fingerprint(42), Fingerprint(43));
    }

    [Fact]
    public void Generates_the_requested_numbers_with_drops_holds_and_incubator_leads()
    {
        var projects = Generate(Catalog(), 9).Projects.ToList();

        Assert.Equal(Size.Projects, projects.Count);
        Assert.Equal(Size.Activities, projects.Sum(p => p.Activities.Count));
        Assert.InRange(projects.Count(p => p.Project.Status == ProjectStatus.Dropped), 20, 100);
        Assert.InRange(projects.Count(p => p.Project.Status == ProjectStatus.OnHold), 5, 60);
        Assert.InRange(projects.Count(p => p.Project.Source == ProjectSource.OffshoreIncubator), 100, 200);
        Assert.All(projects.Where(p => p.Project.IsExpansion), p => Assert.True(p.Project.ExpansionIncrementWan > 0));
    }

    private static DateTimeOffset FirstChangeReaching(ProjectHistory history, SyntheticCatalog catalog, int stageId)
    {
        var order = catalog.Stages.Single(s => s.Id == stageId).Order;
        return history.Changes.First(c => catalog.Stages.Single(s => s.Id == c.ToStageId).Order >= order).At;
    }

    private static SyntheticDataSet Generate(SyntheticCatalog catalog, int seed) => new SyntheticData(catalog, seed, Now).Generate(Size);

    /// <summary>The default stages and the Sanming chains with made-up keys; no database needed.</summary>
    private static SyntheticCatalog Catalog()
    {
        var stages = DefaultStages.Create().Select((s, i) => { s.Id = i + 1; return s; }).ToList();
        var nodeId = 100;
        var chains = SanmingPlan.Chains.Select((c, i) =>
        {
            var names = c.Up.Concat(c.Mid).Concat(c.Down).ToList();
            return new SyntheticChain(i + 1, c.Name, c.Park is null ? null : 10 + i % 3, names.Select(_ => nodeId++).ToList(), names);
        }).ToList();
        SyntheticUser[] users = [new("u-manager", "李主任", null, null), new("u-staff", "王招商", 2, 11), new("u-staff2", "陈招商", 1, 10)];
        return new SyntheticCatalog(stages, chains, Enumerable.Range(1, 10).ToList(), users, [10, 11, 12]);
    }
}
