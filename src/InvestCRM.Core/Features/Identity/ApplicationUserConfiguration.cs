using InvestCRM.Features.Incubators;
using InvestCRM.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Identity;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.PreferredCulture).HasMaxLength(10);
        user.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne<OffshoreIncubator>().WithMany().HasForeignKey(u => u.IncubatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
