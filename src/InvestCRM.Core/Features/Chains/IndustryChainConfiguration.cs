using InvestCRM.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Chains;

internal sealed class IndustryChainConfiguration : IEntityTypeConfiguration<IndustryChain>
{
    public void Configure(EntityTypeBuilder<IndustryChain> chain)
    {
        chain.Property(c => c.Name).HasMaxLength(200);
        chain.Property(c => c.NameEn).HasMaxLength(200);
        chain.Property(c => c.Description).HasMaxLength(2000);
        chain.HasOne<Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
        chain.HasOne<Park>().WithMany().HasForeignKey(c => c.ParkId).OnDelete(DeleteBehavior.Restrict);
        chain.HasMany(c => c.Nodes).WithOne(n => n.Chain).HasForeignKey(n => n.ChainId).OnDelete(DeleteBehavior.Restrict);
        chain.HasIndex(c => new { c.PlanId, c.Name }).IsUnique();
    }
}

internal sealed class ChainNodeConfiguration : IEntityTypeConfiguration<ChainNode>
{
    public void Configure(EntityTypeBuilder<ChainNode> node)
    {
        node.Property(n => n.Name).HasMaxLength(200);
        node.Property(n => n.NameEn).HasMaxLength(200);
        node.HasIndex(n => new { n.ChainId, n.Name }).IsUnique();
    }
}
