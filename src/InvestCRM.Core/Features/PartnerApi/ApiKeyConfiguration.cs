using InvestCRM.Features.Incubators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.PartnerApi;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.Property(k => k.Name).HasMaxLength(100);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.SecretHash).HasMaxLength(64);
        key.Property(k => k.CreatedById).HasMaxLength(450);
        key.HasOne<OffshoreIncubator>().WithMany().HasForeignKey(k => k.IncubatorId).OnDelete(DeleteBehavior.Restrict);
        key.HasIndex(k => k.Prefix).IsUnique();
    }
}
