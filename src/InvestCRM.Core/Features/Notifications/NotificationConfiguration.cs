using InvestCRM.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.UserId).HasMaxLength(450);
        notification.Property(n => n.MessageKey).HasMaxLength(100);
        notification.Property(n => n.Arguments).HasMaxLength(1000);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
