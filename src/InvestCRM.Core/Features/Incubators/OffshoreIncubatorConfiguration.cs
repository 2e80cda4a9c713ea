using InvestCRM.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Incubators;

internal sealed class OffshoreIncubatorConfiguration : IEntityTypeConfiguration<OffshoreIncubator>
{
    public void Configure(EntityTypeBuilder<OffshoreIncubator> incubator)
    {
        incubator.ToTable("OffshoreIncubators");
        incubator.Property(i => i.Name).HasMaxLength(200);
        incubator.Property(i => i.City).HasMaxLength(100);
        incubator.Property(i => i.Operator).HasMaxLength(200);
        incubator.Property(i => i.Address).HasMaxLength(300);
        incubator.HasOne<Plan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        incubator.HasIndex(i => new { i.PlanId, i.Name }).IsUnique();
    }
}
