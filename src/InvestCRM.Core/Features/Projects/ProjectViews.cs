using InvestCRM.Features.Activities;
using InvestCRM.Features.Stages;

namespace InvestCRM.Features.Projects;

/// <summary>A name in both languages; the UI picks one.</summary>
public sealed record Named(string Zh, string? En);

/// <summary>One row of the project list and of the export: only the columns shown.</summary>
public sealed record ProjectListRow(
    int Id, string Title, string EnterpriseName, string StageZh, string StageEn, ProjectStatus Status, ProjectSource Source,
    string? OwnerName, string? ParkName, string? ParkNameEn, string? ChainName, string? ChainNameEn, decimal? PlannedInvestmentWan, DateOnly? NextActionOn,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// One page of the list. When <paramref name="TotalCapped"/>, counting stopped: more than <paramref name="Total"/>
/// projects match (a text search matching very many, see ProjectQueries.SearchCountCap), so there is a page beyond them.
/// </summary>
public sealed record ProjectPage(IReadOnlyList<ProjectListRow> Rows, int Total, int Page, int PageSize, bool TotalCapped = false)
{
    public int Pages => PageCount(Total, TotalCapped, PageSize);

    public static int PageCount(int total, bool capped, int pageSize) =>
        capped ? total / pageSize + 1 : Math.Max(1, (total + pageSize - 1) / pageSize);
}

/// <summary>A card on the board; carries what a move needs (version) and who may move it.</summary>
public sealed record BoardCard(
    int Id, string Title, string EnterpriseName, int StageId, string? OwnerName, string OwnerId, int? TeamId,
    decimal? PlannedInvestmentWan, DateOnly? NextActionOn, int Version);

/// <summary>A stage on the board; when <paramref name="CountCapped"/>, there are more than <paramref name="Count"/> projects.</summary>
public sealed record BoardColumn(int StageId, string NameZh, string NameEn, int Count, IReadOnlyList<BoardCard> Cards, bool CountCapped = false);

public sealed record StageOption(int Id, string Code, int Order, string NameZh, string NameEn, ProjectFacts RequiredFacts);

/// <summary>The time a project spent in one stage (to the next stage change, or until now).</summary>
public sealed record StageSpan(int StageId, string NameZh, string NameEn, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, TimeSpan Duration);

public sealed record StageHistoryRow(
    DateTimeOffset At, string? FromZh, string? FromEn, string ToZh, string ToEn, ProjectStatus FromStatus, ProjectStatus ToStatus,
    string? UserName, string? Note);

public sealed record ActivityRow(long Id, DateTimeOffset OccurredAt, ActivityType Type, string Summary, string? NextStep, string? CreatedBy);

/// <summary>Everything the project page shows, loaded for that one project only.</summary>
public sealed record ProjectDetail(
    Project Project, string EnterpriseName, StageOption Stage, Named? Owner, Named? Team, Named? Park, Named? Chain, Named? ChainNode,
    Named? Incubator, Named? Event, IReadOnlyList<StageSpan> Timeline, IReadOnlyList<StageHistoryRow> History,
    IReadOnlyList<ActivityRow> Activities, IReadOnlyList<StageOption> Stages, bool CanEdit, int? ReferralId = null);

public sealed record Option(string Id, string Zh, string? En);

/// <summary>
/// One choice of one of several filter lists read in one UNION ALL, with the keys the lists are ordered by (in the
/// database, so that its collation orders names). Set by member initialisation: EF translates a UNION only over
/// projections it can see into.
/// </summary>
internal sealed class OptionRow
{
    /// <summary>Which list: the reader's own enumeration, as a number.</summary>
    public int Kind { get; init; }
    public required string Id { get; init; }
    public required string Zh { get; init; }
    public string? En { get; init; }
    public int Order { get; init; }
    public required string Name { get; init; }

    public Option Option => new(Id, Zh, En);
}

/// <summary>The choices the filter and edit forms offer.</summary>
public sealed record ProjectOptions(
    IReadOnlyList<StageOption> Stages, IReadOnlyList<Option> Owners, IReadOnlyList<Option> Teams, IReadOnlyList<Option> Parks,
    IReadOnlyList<Option> Chains, IReadOnlyList<Option> ChainNodes, IReadOnlyList<Option> Incubators, IReadOnlyList<Option> Events);
