using InvestCRM.Features.Plans;
using InvestCRM.Features.Stages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Targets;

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> target)
    {
        target.ToTable("PlanTargets");
        target.Property(t => t.Note).HasMaxLength(500);
        target.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        target.HasOne<PipelineStage>().WithMany().HasForeignKey(t => t.CountingStageId).OnDelete(DeleteBehavior.Restrict);
        target.HasIndex(t => new { t.PlanId, t.Metric, t.Scope, t.ScopeId });
    }
}
