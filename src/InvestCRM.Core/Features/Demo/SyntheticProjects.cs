using InvestCRM.Features.Events;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;
using static InvestCRM.Features.Demo.SyntheticData;

namespace InvestCRM.Features.Demo;

/// <summary>
/// Projects that walk forward from the first stage through a random number of stages, every move checked by
/// <see cref="StageRules"/> after the facts it needs were supplied; some move back, some are dropped or put on hold.
/// </summary>
internal sealed class SyntheticProjects(
    SyntheticCatalog catalog, Random random, DateTimeOffset now, SyntheticIds ids,
    IReadOnlyList<CrmEvent> events, IReadOnlyList<EnterpriseSeed> enterprises, CreditCodes codes)
{
    private const string SanmingAreaCode = "350404";
    private readonly SyntheticActivities _activities = new(catalog, random, now, ids.Activity, events);
    private readonly IReadOnlyList<PipelineStage> _stages = catalog.Stages;
    private long _nextChangeId = ids.StageChange;

    public IEnumerable<ProjectHistory> Generate(int count, int activities)
    {
        if (count > 0 && enterprises.Count == 0)
        {
            throw new InvalidOperationException("Projects need enterprises.");
        }

        var mean = count == 0 ? 0 : (double)activities / count;
        long produced = 0;
        for (var i = 0; i < count; i++)
        {
            var enterprise = enterprises[random.Next(enterprises.Count)];
            var history = Walk(NewProject(ids.Project + i, enterprise));
            var end = history.Project.Status == ProjectStatus.Dropped ? history.Changes[^1].At : now;
            var n = ActivityCount(i, count, activities, mean, produced, history);
            history.Activities.AddRange(_activities.For(history.Project, enterprise, n, end));
            produced += n;
            Finish(history);
            yield return history;
        }
    }

    /// <summary>Projects further down the pipeline have more contacts; the running total stays on the requested number.</summary>
    private int ActivityCount(int index, int count, int activities, double mean, long produced, ProjectHistory history)
    {
        var expectedSoFar = (long)Math.Round(mean * index);
        if (index == count - 1)
        {
            return (int)Math.Max(0, activities - produced);
        }

        var depth = (double)IndexOf(_stages.Select(s => s.Id).ToList(), history.Project.StageId) / Math.Max(1, _stages.Count - 1);
        var wanted = mean * (0.4 + 1.2 * depth) * (0.5 + random.NextDouble());
        var drift = Math.Clamp(expectedSoFar - produced, -mean, mean);
        return (int)Math.Max(0, Math.Round(wanted + drift));
    }

    private Project NewProject(int id, EnterpriseSeed enterprise)
    {
        var chain = catalog.Chains[enterprise.Chain];
        var parkId = chain.ParkId ?? (catalog.ParkIds.Count == 0 ? null : Pick(random, catalog.ParkIds));
        var owners = catalog.Users.Where(u => u.TeamParkId == parkId).ToList();
        var owner = owners.Count > 0 && random.NextDouble() < 0.7 ? Pick(random, owners) : Pick(random, catalog.Users);
        var created = Start.AddMinutes(random.NextDouble() * (now - Start).TotalMinutes * 0.98);
        var expansion = random.NextDouble() < 0.1;
        var project = new Project
        {
            Id = id, EnterpriseId = enterprise.Id, OwnerId = owner.Id, TeamId = owner.TeamId, ParkId = parkId, ChainId = chain.Id,
            ChainNodeId = enterprise.NodeId, IsExpansion = expansion, StageId = _stages[0].Id, StageEnteredAt = created,
            CreatedAt = created, UpdatedAt = created,
            Title = $"{enterprise.ShortName}{chain.NodeNames[IndexOf(chain.NodeIds, enterprise.NodeId)]}{(expansion ? "增资扩产" : "")}项目",
        };
        SetSource(project, created);
        SetAmounts(project, IndustryOf(chain.Name).InvestmentWan);
        return project;
    }

    private void SetSource(Project project, DateTimeOffset created)
    {
        var day = DateOnly.FromDateTime(created.UtcDateTime);
        var past = events.Where(e => e.Date <= day).ToList();
        project.Source = (ProjectSource)Weighted(random, [25, 15, 20, 30, 10]);
        if (project.Source == ProjectSource.OffshoreIncubator && catalog.IncubatorIds.Count > 0)
        {
            project.IncubatorId = Pick(random, catalog.IncubatorIds);
        }
        else if (project.Source == ProjectSource.Event && past.Count > 0)
        {
            project.EventId = past[Math.Max(0, past.Count - 1 - random.Next(3))].Id;
        }
        else if (project.Source is ProjectSource.OffshoreIncubator or ProjectSource.Event)
        {
            project.Source = ProjectSource.SelfSourced;
        }
    }

    /// <summary>Investment scaled by the chain (a fluorine plant is not an e-commerce start-up), log-normally spread.</summary>
    private void SetAmounts(Project project, decimal typicalWan)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var investment = Math.Max(50m, Math.Round(typicalWan * (decimal)Math.Exp(0.7 * normal) / 10) * 10);
        var output = Math.Round(investment * (decimal)(1.2 + random.NextDouble() * 1.3));
        project.PlannedInvestmentWan = investment;
        project.ExpectedOutputWan = output;
        project.ExpectedTaxWan = Math.Round(output * (decimal)(0.03 + random.NextDouble() * 0.04), 1);
        project.LandMu = typicalWan >= 5_000m ? Math.Round(investment / (decimal)(150 + random.Next(250)), 1) : null;
        project.Jobs = (int)Math.Max(5, investment / (decimal)(20 + random.Next(60)));
        project.ExpansionIncrementWan = project.IsExpansion ? Math.Round(investment * (decimal)(0.2 + random.NextDouble() * 0.4)) : null;
    }

    private ProjectHistory Walk(Project project)
    {
        var history = new ProjectHistory(project, [], [], []);
        AddChange(history, null, ProjectStatus.Active, project.CreatedAt, null);
        AddReached(history, _stages[0], project.CreatedAt);
        var depth = Weighted(random, DepthWeights(_stages.Count));
        var (index, at) = (0, project.CreatedAt);
        while (index < depth)
        {
            at = Later(at);
            if (at > now)
            {
                break;
            }

            if (index >= 2 && random.NextDouble() < 0.06)
            {
                Move(history, index - 1, at, Pick(random, NameParts.BackwardReasons));
                (index, at) = (index - 1, Later(at));
                if (at > now)
                {
                    break;
                }
            }

            index = Math.Min(depth, index + (random.NextDouble() < 0.1 ? 2 : 1));
            Move(history, index, at, null);
        }

        SetStatus(history, at);
        return history;
    }

    private void Move(ProjectHistory history, int toIndex, DateTimeOffset at, string? reason)
    {
        var project = history.Project;
        var from = _stages.First(s => s.Id == project.StageId);
        var to = _stages[toIndex];
        if (to.Order > from.Order)
        {
            SupplyFacts(project, StageRules.FactsRequiredBetween(_stages, from, to), at);
        }

        var problems = StageRules.CheckMove(project, _stages, new StageMove(to.Id, reason));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Generated move refused: {string.Join(", ", problems.Select(p => p.Code))}");
        }

        project.StageId = to.Id;
        project.StageEnteredAt = at;
        AddChange(history, from.Id, ProjectStatus.Active, at, reason);
        foreach (var stage in StageRules.StagesReachedBy(_stages, to))
        {
            AddReached(history, stage, at);
        }
    }

    private void SupplyFacts(Project project, ProjectFacts required, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        DateOnly Before() => StageDates.NotBeforeEarlierStages(project, day.AddDays(-random.Next(0, 8)));
        foreach (var fact in StageRules.MissingFacts(project, required).ToList())
        {
            switch (fact)
            {
                case ProjectFacts.AgreementDate: project.AgreementDate = Before(); break;
                case ProjectFacts.SignedAmount:
                    project.SignedAmountWan = Math.Round(project.PlannedInvestmentWan!.Value * (decimal)(0.8 + random.NextDouble() * 0.4));
                    break;
                case ProjectFacts.LocalEntityCreditCode: project.LocalEntityCreditCode = codes.Next(SanmingAreaCode); break;
                case ProjectFacts.RegistrationDate: project.RegisteredOn = Before(); break;
                case ProjectFacts.ConstructionStart: project.ConstructionStartedOn = Before(); break;
                case ProjectFacts.ProductionStart: project.ProductionStartedOn = Before(); break;
            }
        }
    }

    /// <summary>About 10% dropped and 5% on hold; a project in the last stage is neither.</summary>
    private void SetStatus(ProjectHistory history, DateTimeOffset lastMove)
    {
        var project = history.Project;
        var roll = random.NextDouble();
        var at = Later(lastMove);
        if (_stages[^1].Id == project.StageId || roll >= 0.15 || at > now)
        {
            return;
        }

        var (status, reason, category) = roll < 0.10
            ? Dropped(Pick(random, NameParts.DropReasons))
            : (ProjectStatus.OnHold, Pick(random, NameParts.HoldReasons), null);
        if (StageRules.CheckStatus(project, status, reason, category).Count > 0)
        {
            throw new InvalidOperationException("Generated status change refused.");
        }

        project.Status = status;
        project.StatusReason = reason;
        project.DropReason = category;
        AddChange(history, project.StageId, ProjectStatus.Active, at, reason);
        history.Changes[^1].DropReason = category;
    }

    private static (ProjectStatus, string, DropReason?) Dropped((string Text, DropReason Category) reason) =>
        (ProjectStatus.Dropped, reason.Text, reason.Category);

    /// <summary>Dates that follow from the history: last contact, last update, next action, version.</summary>
    private void Finish(ProjectHistory history)
    {
        var project = history.Project;
        project.LastActivityAt = history.Activities.Count == 0 ? null : history.Activities.Max(a => a.OccurredAt);
        var lastChange = history.Changes[^1].At;
        project.UpdatedAt = project.LastActivityAt > lastChange ? project.LastActivityAt.Value : lastChange;
        project.Version = history.Changes.Count;
        if (project.Status == ProjectStatus.Active && _stages[^1].Id != project.StageId)
        {
            project.NextActionOn = DateOnly.FromDateTime(project.UpdatedAt.UtcDateTime).AddDays(random.Next(3, 60));
        }
    }

    private void AddChange(ProjectHistory history, int? fromStage, ProjectStatus fromStatus, DateTimeOffset at, string? note)
    {
        var project = history.Project;
        var owner = catalog.Users.First(u => u.Id == project.OwnerId);
        history.Changes.Add(new StageChange
        {
            Id = _nextChangeId++, ProjectId = project.Id, FromStageId = fromStage, ToStageId = project.StageId,
            FromStatus = fromStatus, ToStatus = project.Status, At = at, UserId = owner.Id, UserName = owner.Name, Note = note,
        });
    }

    private static void AddReached(ProjectHistory history, PipelineStage stage, DateTimeOffset at)
    {
        if (!history.Reached.Any(r => r.StageId == stage.Id))
        {
            history.Reached.Add(new StageReached { ProjectId = history.Project.Id, StageId = stage.Id, FirstReachedAt = at });
        }
    }

    private DateTimeOffset Later(DateTimeOffset at) => at.AddDays(random.Next(7, 120)).AddMinutes(random.Next(0, 600));

    /// <summary>How far projects aim to get: most stay early in the funnel.</summary>
    private static int[] DepthWeights(int stages) => Enumerable.Range(0, stages).Select(i => Math.Max(1, 30 - i * 4)).ToArray();

    private static int IndexOf(IReadOnlyList<int> items, int value)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == value)
            {
                return i;
            }
        }

        return 0;
    }
}
