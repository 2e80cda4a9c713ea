using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Incubators;

internal sealed class IncubatorContactConfiguration : IEntityTypeConfiguration<IncubatorContact>
{
    public void Configure(EntityTypeBuilder<IncubatorContact> contact)
    {
        contact.Property(c => c.Name).HasMaxLength(100);
        contact.Property(c => c.Title).HasMaxLength(100);
        contact.Property(c => c.Phone).HasMaxLength(40);
        contact.Property(c => c.Email).HasMaxLength(200);
        contact.HasOne<OffshoreIncubator>().WithMany(i => i.Contacts).HasForeignKey(c => c.IncubatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncubatorStatusChangeConfiguration : IEntityTypeConfiguration<IncubatorStatusChange>
{
    public void Configure(EntityTypeBuilder<IncubatorStatusChange> change)
    {
        change.Property(c => c.UserName).HasMaxLength(256);
        change.Property(c => c.Note).HasMaxLength(500);
        change.HasOne<OffshoreIncubator>().WithMany().HasForeignKey(c => c.IncubatorId).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(c => new { c.IncubatorId, c.At });
    }
}
