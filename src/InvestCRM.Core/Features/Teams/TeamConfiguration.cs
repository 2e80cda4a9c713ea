using InvestCRM.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Name).HasMaxLength(100);
        team.Property(t => t.NameEn).HasMaxLength(100);
        team.HasIndex(t => t.Name).IsUnique();
        team.HasOne<Park>().WithMany().HasForeignKey(t => t.ParkId).OnDelete(DeleteBehavior.Restrict);
    }
}
