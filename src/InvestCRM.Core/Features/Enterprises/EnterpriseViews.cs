using InvestCRM.Features.Activities;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Enterprises;

/// <summary>One line of the enterprise list.</summary>
public sealed record EnterpriseRow(int Id, string Name, string? CreditCode, string? Industry, string? HqProvince, string? HqCity, int Projects);

/// <summary>
/// What the enterprise list looks for: text in the name or credit code, firms marked local (本地企业) only, and firms
/// working in one chain node (linked to it, or with a project on it); every part optional.
/// </summary>
public sealed record EnterpriseSearch(string? Text = null, bool LocalOnly = false, int? NodeId = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && !LocalOnly && NodeId is null;
}

public sealed record EnterprisePage(IReadOnlyList<EnterpriseRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>An existing enterprise the duplicate guard found; <see cref="SameCode"/> means it cannot be created again.</summary>
public sealed record DuplicateCandidate(int Id, string Name, string? CreditCode, bool SameCode);

public sealed record EnterpriseDetail(
    int Id, string Name, string? CreditCode, string? Industry, string? HqProvince, string? HqCity, EnterpriseSize? Size,
    string? Website, string? Description, IReadOnlyList<string> Tags, bool IsLocal, DateTimeOffset CreatedAt, int Version,
    IReadOnlyList<ChainNodeLink> ChainNodes, IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<EnterpriseProjectRow> Projects, IReadOnlyList<EnterpriseActivityRow> Activities);

public sealed record ChainNodeLink(int NodeId, string Node, string? NodeEn, int ChainId, string Chain, string? ChainEn, ChainSegment Segment);

public sealed record ContactRow(int Id, string Name, string? Title, string? Phone, string? Email, string? WeChat, string? Notes);

public sealed record EnterpriseProjectRow(int Id, string Title, string StageZh, string StageEn, ProjectStatus Status, decimal? PlannedInvestmentWan);

public sealed record EnterpriseActivityRow(long Id, ActivityType Type, DateTimeOffset OccurredAt, string Summary, int? ProjectId);

/// <summary>What the edit form starts from, with the version it must be saved against.</summary>
public sealed record EnterpriseForm(int Id, int Version, string Name, EnterpriseInput Input);

public sealed record ChainOption(int Id, string Name, string? NameEn, IReadOnlyList<ChainNodeOption> Nodes);

public sealed record ChainNodeOption(int Id, string Name, string? NameEn, ChainSegment Segment);

/// <summary>An enterprise's contact as its edit form starts from.</summary>
public sealed record ContactForm(int Id, int EnterpriseId, string EnterpriseName, ContactInput Input);
