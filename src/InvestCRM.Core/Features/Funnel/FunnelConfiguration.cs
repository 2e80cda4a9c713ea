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
