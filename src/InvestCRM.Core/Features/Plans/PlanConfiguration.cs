using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Plans;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.Property(p => p.Name).HasMaxLength(200);
        plan.Property(p => p.NameEn).HasMaxLength(200);
        plan.Property(p => p.Issuer).HasMaxLength(200);
        plan.Property(p => p.Summary).HasMaxLength(4000);
        plan.HasIndex(p => p.Name).IsUnique();
        plan.HasMany(p => p.Parks).WithOne(p => p.Plan).HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> park)
    {
        park.Property(p => p.Name).HasMaxLength(200);
        park.Property(p => p.NameEn).HasMaxLength(200);
        park.Property(p => p.Location).HasMaxLength(200);
        park.Property(p => p.Focus).HasMaxLength(1000);
        park.HasOne(p => p.Parent).WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        park.HasIndex(p => new { p.PlanId, p.Name }).IsUnique();
    }
}
