using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.Property(r => r.EnterpriseName).HasMaxLength(200);
        referral.Property(r => r.CreditCode).HasMaxLength(18);
        referral.Property(r => r.Industry).HasMaxLength(100);
        referral.Property(r => r.HqCity).HasMaxLength(50);
        referral.Property(r => r.ContactName).HasMaxLength(100);
        referral.Property(r => r.ContactPhone).HasMaxLength(40);
        referral.Property(r => r.ContactEmail).HasMaxLength(200);
        referral.Property(r => r.Seeks).HasMaxLength(2000);
        referral.Property(r => r.Description).HasMaxLength(4000);
        referral.Property(r => r.ReturnReason).HasMaxLength(1000);
        referral.Property(r => r.IdempotencyKey).HasMaxLength(100);
        referral.Property(r => r.SubmittedById).HasMaxLength(450);
        referral.Property(r => r.DecidedById).HasMaxLength(450);
        referral.HasOne<OffshoreIncubator>().WithMany().HasForeignKey(r => r.IncubatorId).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.SubmittedByApiKeyId).OnDelete(DeleteBehavior.Restrict);
        // A referral comes from a person in the portal or from a partner system's key, never both, never neither.
        referral.ToTable(t => t.HasCheckConstraint("CK_Referrals_OneSubmitter",
            "(\"SubmittedById\" IS NULL) <> (\"SubmittedByApiKeyId\" IS NULL)"));
        // A retried API post with the same key finds the first referral instead of making a second.
        referral.HasIndex(r => new { r.IncubatorId, r.IdempotencyKey }).IsUnique();
        referral.HasIndex(r => new { r.IncubatorId, r.UpdatedAt });
        referral.HasIndex(r => new { r.Status, r.SubmittedAt });
        referral.HasIndex(r => r.ProjectId);
    }
}

internal sealed class ReferralUpdateConfiguration : IEntityTypeConfiguration<ReferralUpdate>
{
    public void Configure(EntityTypeBuilder<ReferralUpdate> update)
    {
        update.Property(u => u.Text).HasMaxLength(4000);
        update.Property(u => u.AuthorId).HasMaxLength(450);
        update.Property(u => u.AuthorName).HasMaxLength(256);
        update.HasOne<Referral>().WithMany().HasForeignKey(u => u.ReferralId).OnDelete(DeleteBehavior.Restrict);
        update.HasIndex(u => new { u.ReferralId, u.At });
    }
}
