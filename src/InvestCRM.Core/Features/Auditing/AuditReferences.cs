using InvestCRM.Features.Chains;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Teams;
using InvestCRM.Features.Tracks;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestCRM.Features.Auditing;

/// <summary>The record a field of an audited record names, so that the trail shows its name instead of its id.</summary>
internal static class AuditReferences
{
    /// <summary>
    /// Ids held without a foreign key: the units a ledger entry credited, kept as they were when it was counted, and who
    /// decided a referral or reviewed a track.
    /// </summary>
    private static readonly Dictionary<(Type Entity, string Field), Type> Unenforced = new()
    {
        [(typeof(LedgerEntry), nameof(LedgerEntry.ParkId))] = typeof(Park),
        [(typeof(LedgerEntry), nameof(LedgerEntry.TeamId))] = typeof(Team),
        [(typeof(LedgerEntry), nameof(LedgerEntry.IncubatorId))] = typeof(OffshoreIncubator),
        [(typeof(LedgerEntry), nameof(LedgerEntry.ChainId))] = typeof(IndustryChain),
        [(typeof(LedgerEntry), nameof(LedgerEntry.ChainNodeId))] = typeof(ChainNode),
        [(typeof(Referral), nameof(Referral.DecidedById))] = typeof(ApplicationUser),
        [(typeof(TrackReview), nameof(TrackReview.ReviewedById))] = typeof(ApplicationUser),
    };

    /// <summary>The principal of the field's foreign key, else the record listed above; null when it has no name to show.</summary>
    public static IEntityType? Principal(IEntityType entity, string field)
    {
        var principals = entity.FindProperty(field)?.GetContainingForeignKeys().Select(k => k.PrincipalEntityType) ?? [];
        if (Unenforced.TryGetValue((entity.ClrType, field), out var type) && entity.Model.FindEntityType(type) is { } listed)
        {
            principals = principals.Append(listed);
        }

        return principals.FirstOrDefault(p => AuditNames.NameColumn(p) is not null);
    }
}
