using InvestCRM.Features.Common;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Targets;

namespace InvestCRM.Features.Ledger;

/// <summary>How a project's figures become a ledger entry, and a ledger entry becomes summary lines.</summary>
public static class LedgerLine
{
    /// <summary>China Standard Time has no daylight saving: months are counted at UTC+8.</summary>
    public static readonly TimeSpan ChinaOffset = ChinaTime.Offset;

    public static int MonthOf(DateTimeOffset at)
    {
        var local = at.ToOffset(ChinaOffset);
        return local.Year * 100 + local.Month;
    }

    /// <summary>The figures counted: an expansion counts only its increment, investment is the signed amount if known.</summary>
    public static LedgerEntry Snapshot(Project project, int stageId, DateTimeOffset at) => new()
    {
        ProjectId = project.Id,
        StageId = stageId,
        CountedAt = at,
        IsExpansion = project.IsExpansion,
        IsIncubated = project.IncubatorId is not null,
        InvestmentWan = project.IsExpansion
            ? project.ExpansionIncrementWan ?? 0
            : project.SignedAmountWan ?? project.PlannedInvestmentWan ?? 0,
        OutputValueWan = project.ExpectedOutputWan ?? 0,
        TaxWan = project.ExpectedTaxWan ?? 0,
        LandMu = project.LandMu ?? 0,
        ParkId = project.ParkId,
        TeamId = project.TeamId,
        IncubatorId = project.IncubatorId,
        ChainId = project.ChainId,
        ChainNodeId = project.ChainNodeId,
        SecondaryScope = project.SecondaryCreditId is null ? null : project.SecondaryCreditScope,
        SecondaryId = project.SecondaryCreditScope is null ? null : project.SecondaryCreditId,
        SecondarySharePercent = project.SecondaryCreditScope is null || project.SecondaryCreditId is null ? 0 : project.SecondaryCreditPercent ?? 50,
    };

    /// <summary>
    /// The summary lines one entry contributes, multiplied by <paramref name="sign"/> (+1 to add, −1 to take back).
    /// The primary line carries the project's own units; a secondary line carries only the second unit.
    /// </summary>
    public static IEnumerable<LedgerSummary> Lines(LedgerEntry e, int sign)
    {
        var share = e.SecondaryScope is null ? 0m : e.SecondarySharePercent / 100m;
        yield return Line(e, sign, 1m - share, CreditRole.Primary, e.SecondaryScope is { } split ? (int)split + 1 : 0,
            e.ParkId ?? 0, e.TeamId ?? 0, e.IncubatorId ?? 0, e.ChainId ?? 0, e.ChainNodeId ?? 0);
        if (e.SecondaryScope is { } scope && e.SecondaryId is { } id)
        {
            yield return Line(e, sign, share, CreditRole.Secondary, 0,
                scope == TargetScope.Park ? id : 0, scope == TargetScope.Team ? id : 0, scope == TargetScope.Incubator ? id : 0, 0, 0);
        }
    }

    private static LedgerSummary Line(LedgerEntry e, int sign, decimal weight, CreditRole role, int splitScope,
        int park, int team, int incubator, int chain, int node)
    {
        var enterprises = e.IsExpansion ? 0 : 1;
        var incubated = e.IsIncubated ? 1 : 0;
        return new LedgerSummary
        {
            StageId = e.StageId, Month = MonthOf(e.CountedAt), Role = role, SplitScope = splitScope,
            ParkId = park, TeamId = team, IncubatorId = incubator, ChainId = chain, ChainNodeId = node,
            Projects = sign * Scaled(1), Enterprises = sign * Scaled(enterprises), Incubated = sign * Scaled(incubated),
            InvestmentWan = sign * Scaled(e.InvestmentWan), OutputValueWan = sign * Scaled(e.OutputValueWan),
            TaxWan = sign * Scaled(e.TaxWan), LandMu = sign * Scaled(e.LandMu),
            SharedProjects = sign * Scaled(weight), SharedEnterprises = sign * Scaled(weight * enterprises),
            SharedIncubated = sign * Scaled(weight * incubated), SharedInvestmentWan = sign * Scaled(weight * e.InvestmentWan),
            SharedOutputValueWan = sign * Scaled(weight * e.OutputValueWan), SharedTaxWan = sign * Scaled(weight * e.TaxWan),
            SharedLandMu = sign * Scaled(weight * e.LandMu),
        };
    }

    /// <summary>Ten-thousandths, rounded half away from zero: the ledger's own definition of a shared amount.</summary>
    public static long Scaled(decimal value) => (long)Math.Round(value * LedgerSummary.Scale, MidpointRounding.AwayFromZero);
}
