using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Attachments;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.Property(a => a.StoragePath).HasMaxLength(300);
        attachment.Property(a => a.Sha256).HasMaxLength(64);
        attachment.Property(a => a.UploadedById).HasMaxLength(450);
        attachment.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        attachment.HasIndex(a => a.ReferralId);
        attachment.HasIndex(a => a.ProjectId);
    }
}
