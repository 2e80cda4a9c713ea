using InvestCRM.Features.Chains;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Enterprises;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> enterprise)
    {
        enterprise.Property(e => e.Name).HasMaxLength(200);
        enterprise.Property(e => e.NormalizedName).HasMaxLength(200);
        enterprise.Property(e => e.CreditCode).HasMaxLength(18).IsFixedLength(false);
        enterprise.Property(e => e.Industry).HasMaxLength(100);
        enterprise.Property(e => e.HqProvince).HasMaxLength(50);
        enterprise.Property(e => e.HqCity).HasMaxLength(50);
        enterprise.Property(e => e.Website).HasMaxLength(300);
        enterprise.Property(e => e.Description).HasMaxLength(4000);
        enterprise.Property(e => e.Tags).HasMaxLength(500);
        enterprise.Property(e => e.Version).IsConcurrencyToken();
        // NULLs do not collide in a unique index on either provider: the code is unique only when present.
        enterprise.HasIndex(e => e.CreditCode).IsUnique();
        enterprise.HasIndex(e => e.NormalizedName);
        enterprise.HasIndex(e => e.Name);
        enterprise.HasMany(e => e.ChainNodes).WithOne().HasForeignKey(n => n.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        enterprise.HasMany(e => e.Contacts).WithOne(c => c.Enterprise).HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnterpriseChainNodeConfiguration : IEntityTypeConfiguration<EnterpriseChainNode>
{
    public void Configure(EntityTypeBuilder<EnterpriseChainNode> link)
    {
        link.HasKey(l => new { l.EnterpriseId, l.ChainNodeId });
        link.HasOne<ChainNode>().WithMany().HasForeignKey(l => l.ChainNodeId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => l.ChainNodeId);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> contact)
    {
        contact.Property(c => c.Name).HasMaxLength(100);
        contact.Property(c => c.Title).HasMaxLength(100);
        contact.Property(c => c.Phone).HasMaxLength(40);
        contact.Property(c => c.Email).HasMaxLength(200);
        contact.Property(c => c.WeChat).HasMaxLength(100);
        contact.Property(c => c.Notes).HasMaxLength(2000);
    }
}
