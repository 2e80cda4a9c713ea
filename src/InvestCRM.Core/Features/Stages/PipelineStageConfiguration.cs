using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Stages;

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> stage)
    {
        stage.ToTable("PipelineStages");
        stage.Property(s => s.Code).HasMaxLength(40);
        stage.Property(s => s.NameZh).HasMaxLength(40);
        stage.Property(s => s.NameEn).HasMaxLength(60);
        stage.HasIndex(s => s.Code).IsUnique();
        stage.HasIndex(s => s.Order).IsUnique();
    }
}
