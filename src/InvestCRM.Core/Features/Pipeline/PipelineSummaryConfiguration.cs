using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Pipeline;

internal sealed class PipelineSummaryConfiguration : IEntityTypeConfiguration<PipelineSummary>
{
    public void Configure(EntityTypeBuilder<PipelineSummary> summary)
    {
        summary.ToTable("PipelineSummaries");
        summary.HasIndex(s => new { s.StageId, s.Status, s.ParkId, s.TeamId, s.IncubatorId, s.ChainId }).IsUnique();
    }
}
