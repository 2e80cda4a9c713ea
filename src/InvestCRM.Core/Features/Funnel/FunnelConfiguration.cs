using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Funnel;

internal sealed class FunnelSummaryConfiguration : IEntityTypeConfiguration<FunnelSummary>
{
    public void Configure(EntityTypeBuilder<FunnelSummary> summary)
    {
        summary.ToTable("FunnelSummaries");
        // Stored as a number: the rebuild's INSERT … SELECT writes the kind as a literal.
        summary.Property(s => s.Kind).HasConversion<int>();
        summary.Ignore(s => s.Grain);
        summary.HasIndex(s => new { s.Kind, s.StageId, s.Month, s.Cohort, s.Detail, s.ParkId, s.TeamId, s.IncubatorId, s.ChainId }).IsUnique();
        summary.HasIndex(s => new { s.Kind, s.Cohort });
    }
}

internal sealed class FunnelRollupConfiguration : IEntityTypeConfiguration<FunnelRollup>
{
    public void Configure(EntityTypeBuilder<FunnelRollup> rollup)
    {
        rollup.ToTable("FunnelRollups");
        rollup.Property(s => s.Kind).HasConversion<int>();
        rollup.Property(s => s.UnitKind).HasConversion<int>();
        rollup.HasIndex(s => new { s.UnitKind, s.UnitId, s.Kind, s.StageId, s.Month, s.Cohort, s.Detail }).IsUnique();
    }
}
