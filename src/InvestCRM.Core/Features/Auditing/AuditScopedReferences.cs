using InvestCRM.Features.Chains;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Targets;
using InvestCRM.Features.Teams;
using InvestCRM.Features.Tracks;

namespace InvestCRM.Features.Auditing;

/// <summary>
/// A field that holds the id of a record whose table another field of the same record names: a claim's unit is a park
/// or a team, as its scope says; so are a target's unit and the second unit a project or a ledger entry credits. The
/// trail names it like a foreign key, by the scope in force at each change.
/// </summary>
internal sealed record AuditScopedReference(string Field, string ScopeField, IReadOnlyDictionary<string, Type> Tables)
{
    /// <summary>The record each unit scope names (as the trail writes the scope: the enum's name).</summary>
    private static readonly IReadOnlyDictionary<string, Type> Units = new Dictionary<string, Type>
    {
        [nameof(TargetScope.Park)] = typeof(Park),
        [nameof(TargetScope.Team)] = typeof(Team),
        [nameof(TargetScope.Incubator)] = typeof(OffshoreIncubator),
        [nameof(TargetScope.Chain)] = typeof(IndustryChain),
        [nameof(TargetScope.ChainNode)] = typeof(ChainNode),
    };

    private static readonly AuditScopedReference Claimant = new(nameof(Track.ClaimUnitId), nameof(Track.ClaimScope), Units);

    private static readonly IReadOnlyDictionary<Type, AuditScopedReference> ByEntity = new Dictionary<Type, AuditScopedReference>
    {
        [typeof(Track)] = Claimant,
        [typeof(TrackReview)] = Claimant,
        [typeof(PlanTarget)] = new(nameof(PlanTarget.ScopeId), nameof(PlanTarget.Scope), Units),
        [typeof(Project)] = new(nameof(Project.SecondaryCreditId), nameof(Project.SecondaryCreditScope), Units),
        [typeof(LedgerEntry)] = new(nameof(LedgerEntry.SecondaryId), nameof(LedgerEntry.SecondaryScope), Units),
    };

    public static IReadOnlyList<AuditScopedReference> Of(Type entity) => ByEntity.TryGetValue(entity, out var reference) ? [reference] : [];
}
