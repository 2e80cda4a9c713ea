using InvestCRM.Features.Demo;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Events;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;

namespace InvestCRM.Bench.Reports;

/// <summary>The days stage dates fall in: the plan's years in China time, cut at "now" (no history in the future).</summary>
internal sealed record HistoryWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static HistoryWindow ForPlan(int startYear, int endYear, DateTimeOffset now)
    {
        var from = new DateTimeOffset(startYear, 1, 1, 0, 0, 0, LedgerLine.ChinaOffset).ToUniversalTime();
        var to = new DateTimeOffset(endYear + 1, 1, 1, 0, 0, 0, LedgerLine.ChinaOffset).ToUniversalTime();
        return new HistoryWindow(from, to < now ? to : now.ToUniversalTime());
    }
}

/// <summary>A team and the park it works for (null: works for the whole plan).</summary>
internal sealed record TeamUnit(int Id, int? ParkId);

/// <summary>
/// Full stage histories for the reports suite: every project starts as a lead inside the window and walks the
/// pipeline (about 5 stage changes each, half of them reach "signed"), every move checked by Core's
/// <see cref="StageRules"/> after the facts it needs were supplied; some move back with a reason, about 10% are
/// dropped and 5% put on hold with a reason. StageReached holds the first reach of every stage passed. Parks
/// follow the enterprise's chain, teams the park, 15% come through an offshore incubator. Deterministic per seed.
/// </summary>
internal sealed class StageHistories(
    SyntheticCatalog catalog, IReadOnlyList<TeamUnit> teams, IReadOnlyList<Enterprise> enterprises,
    IReadOnlyList<CrmEvent> events, HistoryWindow window, SyntheticIds ids, int seed)
{
    private const string SanmingAreaCode = "350404";

    // Typical investment (万元) per chain of the plan, in the plan's chain order: plants cost more than platforms.
    private static readonly decimal[] TypicalInvestmentWan = [20_000m, 15_000m, 10_000m, 8_000m, 12_000m, 1_000m, 2_000m, 1_500m, 6_000m];
    private static readonly int[] DepthWeights = [6, 10, 14, 16, 16, 14, 12, 12];
    private static readonly string[] HoldReasons = ["等待企业董事会决策", "等待用地指标审批", "企业融资尚未到位"];
    private static readonly string[] BackwardReasons = ["企业调整投资方案，需重新洽谈", "考察后企业提出新的选址要求", "协议条款需重新商议"];

    private readonly IReadOnlyList<PipelineStage> _stages = catalog.Stages;
    private readonly Dictionary<int, int> _chainOfNode = catalog.Chains
        .SelectMany((c, i) => c.NodeIds.Select(n => (n, i))).ToDictionary(x => x.n, x => x.i);
    private readonly Dictionary<int, PipelineStage> _stageById = catalog.Stages.ToDictionary(s => s.Id);
    private readonly Dictionary<string, SyntheticUser> _users = catalog.Users.ToDictionary(u => u.Id);
    private readonly List<CrmEvent> _eventsByDate = events.OrderBy(e => e.Date).ToList();
    private readonly Dictionary<int, List<TeamUnit>> _teamsOfPark = teams.Where(t => t.ParkId is not null)
        .GroupBy(t => t.ParkId!.Value).ToDictionary(g => g.Key, g => g.ToList());
    private readonly Dictionary<int, List<SyntheticUser>> _membersOfTeam = catalog.Users.Where(u => u.TeamId is not null)
        .GroupBy(u => u.TeamId!.Value).ToDictionary(g => g.Key, g => g.ToList());
    private readonly Random _random = new(seed);
    private long _nextChangeId = ids.StageChange;
    private long _codes;

    public IEnumerable<ProjectHistory> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var history = Walk(NewProject(ids.Project + i, enterprises[_random.Next(enterprises.Count)]));
            Finish(history);
            yield return history;
        }
    }

    private Project NewProject(int id, Enterprise enterprise)
    {
        var node = enterprise.ChainNodes[0].ChainNodeId;
        var chainIndex = _chainOfNode[node];
        var chain = catalog.Chains[chainIndex];
        var created = window.From.AddMinutes(_random.NextDouble() * (window.To - window.From).TotalMinutes * 0.85);
        var expansion = _random.NextDouble() < 0.1;
        var (park, team, owner) = Place(chain.ParkId ?? Pick(catalog.ParkIds));
        var project = new Project
        {
            Id = id, EnterpriseId = enterprise.Id, ChainId = chain.Id, ChainNodeId = node, IsExpansion = expansion,
            ParkId = park, TeamId = team, OwnerId = owner,
            StageId = _stages[0].Id, StageEnteredAt = created, CreatedAt = created, UpdatedAt = created,
            Title = enterprise.Name.Replace("股份有限公司", "").Replace("有限公司", "") + (expansion ? "增资扩产项目" : "项目"),
        };
        SetSource(project, created);
        SetAmounts(project, TypicalInvestmentWan[chainIndex % TypicalInvestmentWan.Length]);
        return project;
    }

    /// <summary>Mostly the team of the project's park, owned by one of its members when it has any.</summary>
    private (int Park, int Team, string Owner) Place(int parkId)
    {
        var team = _teamsOfPark.TryGetValue(parkId, out var local) && _random.NextDouble() < 0.75 ? Pick(local) : Pick(teams);
        return (parkId, team.Id, (_membersOfTeam.TryGetValue(team.Id, out var members) ? Pick(members) : Pick(catalog.Users)).Id);
    }

    private void SetSource(Project project, DateTimeOffset created)
    {
        var roll = _random.NextDouble();
        var day = DateOnly.FromDateTime(created.UtcDateTime);
        var past = _eventsByDate.FindLastIndex(e => e.Date <= day);
        if (roll < 0.15 && catalog.IncubatorIds.Count > 0)
        {
            (project.Source, project.IncubatorId) = (ProjectSource.OffshoreIncubator, Pick(catalog.IncubatorIds));
        }
        else if (roll < 0.35 && past >= 0)
        {
            (project.Source, project.EventId) = (ProjectSource.Event, _eventsByDate[past].Id);
        }
        else
        {
            project.Source = roll < 0.6 ? ProjectSource.BusinessReferral : roll < 0.9 ? ProjectSource.SelfSourced : ProjectSource.Agency;
        }
    }

    /// <summary>Log-normally spread around the chain's typical investment.</summary>
    private void SetAmounts(Project project, decimal typicalWan)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var investment = Math.Max(50m, Math.Round(typicalWan * (decimal)Math.Exp(0.7 * normal) / 10) * 10);
        var output = Math.Round(investment * (decimal)(1.2 + _random.NextDouble() * 1.3));
        project.PlannedInvestmentWan = investment;
        project.ExpectedOutputWan = output;
        project.ExpectedTaxWan = Math.Round(output * (decimal)(0.03 + _random.NextDouble() * 0.04), 1);
        project.LandMu = typicalWan >= 5_000m ? Math.Round(investment / (150 + _random.Next(250)), 1) : null;
        project.Jobs = (int)Math.Max(5, investment / (20 + _random.Next(60)));
        project.ExpansionIncrementWan = project.IsExpansion ? Math.Round(investment * (decimal)(0.2 + _random.NextDouble() * 0.4)) : null;
    }

    private ProjectHistory Walk(Project project)
    {
        var history = new ProjectHistory(project, [], [], []);
        AddChange(history, null, project.CreatedAt, null);
        AddReached(history, _stages[0], project.CreatedAt);
        var depth = Math.Min(_stages.Count - 1, Weighted(DepthWeights));
        var (index, at) = (0, project.CreatedAt);
        while (index < depth && (at = Later(at)) < window.To)
        {
            if (index >= 2 && _random.NextDouble() < 0.08)
            {
                Move(history, index - 1, at, Pick(BackwardReasons));
                index--;
                if ((at = Later(at)) >= window.To)
                {
                    break;
                }
            }

            index = Math.Min(depth, index + (_random.NextDouble() < 0.1 ? 2 : 1));
            Move(history, index, at, null);
        }

        SetStatus(history, Later(at));
        return history;
    }

    private void Move(ProjectHistory history, int toIndex, DateTimeOffset at, string? reason)
    {
        var project = history.Project;
        var from = _stageById[project.StageId];
        var to = _stages[toIndex];
        if (to.Order > from.Order)
        {
            SupplyFacts(project, StageRules.FactsRequiredBetween(_stages, from, to), at);
        }

        if (StageRules.CheckMove(project, _stages, new StageMove(to.Id, reason)) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"Generated move refused: {string.Join(", ", problems.Select(p => p.Code))}");
        }

        project.StageId = to.Id;
        project.StageEnteredAt = at;
        AddChange(history, from.Id, at, reason);
        foreach (var stage in StageRules.StagesReachedBy(_stages, to))
        {
            AddReached(history, stage, at);
        }
    }

    private void SupplyFacts(Project project, ProjectFacts required, DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.ToOffset(LedgerLine.ChinaOffset).DateTime);
        DateOnly Before() => StageDates.NotBeforeEarlierStages(project, day.AddDays(-_random.Next(0, 8)));
        foreach (var fact in StageRules.MissingFacts(project, required).ToList())
        {
            switch (fact)
            {
                case ProjectFacts.AgreementDate: project.AgreementDate = Before(); break;
                case ProjectFacts.SignedAmount:
                    project.SignedAmountWan = Math.Round(project.PlannedInvestmentWan!.Value * (decimal)(0.8 + _random.NextDouble() * 0.4));
                    break;
                case ProjectFacts.LocalEntityCreditCode: project.LocalEntityCreditCode = NextCreditCode(); break;
                case ProjectFacts.RegistrationDate: project.RegisteredOn = Before(); break;
                case ProjectFacts.ConstructionStart: project.ConstructionStartedOn = Before(); break;
                case ProjectFacts.ProductionStart: project.ProductionStartedOn = Before(); break;
            }
        }
    }

    /// <summary>About 10% dropped and 5% on hold, always with a reason; a project in the last stage is neither.</summary>
    private void SetStatus(ProjectHistory history, DateTimeOffset at)
    {
        var project = history.Project;
        var roll = _random.NextDouble();
        if (_stages[^1].Id == project.StageId || roll >= 0.15 || at >= window.To)
        {
            return;
        }

        var drop = NameParts.DropReasons[_random.Next(NameParts.DropReasons.Length)];
        var (status, reason, category) = roll < 0.10
            ? (ProjectStatus.Dropped, drop.Text, drop.Category)
            : (ProjectStatus.OnHold, Pick(HoldReasons), (DropReason?)null);
        if (StageRules.CheckStatus(project, status, reason, category).Count > 0)
        {
            throw new InvalidOperationException("Generated status change refused.");
        }

        project.Status = status;
        project.StatusReason = reason;
        project.DropReason = category;
        AddChange(history, project.StageId, at, reason);
        history.Changes[^1].DropReason = category;
    }

    private void Finish(ProjectHistory history)
    {
        var project = history.Project;
        project.UpdatedAt = history.Changes[^1].At;
        project.Version = history.Changes.Count;
        if (project.Status == ProjectStatus.Active && _stages[^1].Id != project.StageId)
        {
            project.NextActionOn = DateOnly.FromDateTime(project.UpdatedAt.UtcDateTime).AddDays(_random.Next(3, 60));
        }
    }

    /// <summary>A change from the project's previous stage (null at creation) to its current stage and status.</summary>
    private void AddChange(ProjectHistory history, int? fromStage, DateTimeOffset at, string? note)
    {
        var project = history.Project;
        var owner = _users[project.OwnerId];
        history.Changes.Add(new StageChange
        {
            Id = _nextChangeId++, ProjectId = project.Id, FromStageId = fromStage, ToStageId = project.StageId,
            FromStatus = ProjectStatus.Active, ToStatus = project.Status, At = at, UserId = owner.Id, UserName = owner.Name, Note = note,
        });
    }

    private static void AddReached(ProjectHistory history, PipelineStage stage, DateTimeOffset at)
    {
        if (!history.Reached.Exists(r => r.StageId == stage.Id))
        {
            history.Reached.Add(new StageReached { ProjectId = history.Project.Id, StageId = stage.Id, FirstReachedAt = at });
        }
    }

    /// <summary>Unique valid 统一社会信用代码 of the local entity (an odd multiplier permutes the 9-digit organisation codes).</summary>
    private string NextCreditCode()
    {
        var body = $"91{SanmingAreaCode}{(++_codes * 387_420_489L + 104_729L) % 1_000_000_000L:D9}";
        return body + CreditCode.CheckCharacter(body);
    }

    private DateTimeOffset Later(DateTimeOffset at) => at.AddDays(_random.Next(10, 100)).AddMinutes(_random.Next(0, 600));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private int Weighted(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
