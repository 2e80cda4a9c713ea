using InvestCRM.Features.Common;
using InvestCRM.Features.Targets;
using InvestCRM.Features.Tracks;
using InvestCRM.Web.Features.Targets;

namespace InvestCRM.Web.Features.Tracks;

/// <summary>
/// The track form as posted. The chain and its link are one select ("Chain:3" for the whole chain, "ChainNode:7" for one
/// link), because a page without script cannot narrow a second list; it is named ChainId, where the service reports them.
/// </summary>
public sealed class TrackForm
{
    public string Name { get; set; } = "";
    public string? ChainId { get; set; }
    public string? Description { get; set; }
    public DateOnly? PublishedOn { get; set; }

    public static TrackForm Of(TrackInput input) => new()
    {
        Name = input.Name, Description = input.Description, PublishedOn = input.PublishedOn,
        ChainId = input.ChainNodeId is { } node ? TargetForm.Key(TargetScope.ChainNode, node) : input.ChainId is { } chain ? TargetForm.Key(TargetScope.Chain, chain) : null,
    };

    /// <summary>The node's chain comes from the choices shown; an unknown key leaves the chain empty (refused as required).</summary>
    public TrackInput ToInput(IReadOnlyDictionary<int, int> chainOfNode)
    {
        var (scope, id) = TargetForm.Parse(ChainId);
        int? node = scope == TargetScope.ChainNode ? id : null;
        int? chain = (scope, id) switch
        {
            (TargetScope.Chain, _) => id,
            // A link that is not among the choices has no chain here: the service refuses the id as unknown.
            (TargetScope.ChainNode, { } n) => chainOfNode.TryGetValue(n, out var c) ? c : -1,
            _ => null,
        };
        return new TrackInput { Name = Name, ChainId = chain, ChainNodeId = node, Description = Description, PublishedOn = PublishedOn };
    }
}

/// <summary>The claim form: the claimant is one select of parks and teams ("Park:2", "Team:4"), named UnitId.</summary>
public sealed class ClaimForm
{
    public string? UnitId { get; set; }
    public string LeaderName { get; set; } = "";
    public DateOnly? ClaimedOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public int? CommitEnterprises { get; set; }
    public decimal? CommitInvestmentWan { get; set; }
    public decimal? CommitOutputWan { get; set; }
    public decimal? CommitTaxWan { get; set; }

    public static ClaimForm Of(ClaimInput input) => new()
    {
        UnitId = input.UnitId is { } id ? TargetForm.Key(input.Scope, id) : null, LeaderName = input.LeaderName, ClaimedOn = input.ClaimedOn,
        DueOn = input.DueOn, CommitEnterprises = input.CommitEnterprises, CommitInvestmentWan = Trimmed(input.CommitInvestmentWan),
        CommitOutputWan = Trimmed(input.CommitOutputWan), CommitTaxWan = Trimmed(input.CommitTaxWan),
    };

    /// <summary>The amount as it was typed, 80000 rather than the stored 80000.0.</summary>
    private static decimal? Trimmed(decimal? value) => value is { } wan ? Decimals.Trimmed(wan) : null;

    public ClaimInput ToInput()
    {
        var (scope, id) = TargetForm.Parse(UnitId);
        return new ClaimInput
        {
            // An unreadable choice keeps its id, if any, under a kind the service refuses.
            Scope = scope ?? (TargetScope)(-1), UnitId = id, LeaderName = LeaderName, ClaimedOn = ClaimedOn, DueOn = DueOn,
            CommitEnterprises = CommitEnterprises, CommitInvestmentWan = CommitInvestmentWan, CommitOutputWan = CommitOutputWan, CommitTaxWan = CommitTaxWan,
        };
    }
}
