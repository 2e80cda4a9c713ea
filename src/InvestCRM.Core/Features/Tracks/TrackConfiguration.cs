using InvestCRM.Features.Chains;
using InvestCRM.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Tracks;

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> track)
    {
        track.Property(t => t.Name).HasMaxLength(200);
        track.Property(t => t.Description).HasMaxLength(2000);
        track.Property(t => t.LeaderName).HasMaxLength(100);
        track.HasOne<Plan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        track.HasOne<IndustryChain>().WithMany().HasForeignKey(t => t.ChainId).OnDelete(DeleteBehavior.Restrict);
        track.HasOne<ChainNode>().WithMany().HasForeignKey(t => t.ChainNodeId).OnDelete(DeleteBehavior.Restrict);
        track.HasIndex(t => new { t.PlanId, t.Name }).IsUnique();
    }
}

internal sealed class TrackReviewConfiguration : IEntityTypeConfiguration<TrackReview>
{
    public void Configure(EntityTypeBuilder<TrackReview> review)
    {
        review.Property(r => r.Note).HasMaxLength(2000);
        review.Property(r => r.LeaderName).HasMaxLength(100);
        review.Property(r => r.ReviewedById).HasMaxLength(450);
        foreach (var figure in new[] { nameof(TrackReview.Projects), nameof(TrackReview.Enterprises), nameof(TrackReview.InvestmentWan),
                     nameof(TrackReview.OutputValueWan), nameof(TrackReview.TaxWan) })
        {
            review.Property(figure).HasPrecision(18, 4);
        }

        review.HasOne<Track>().WithMany().HasForeignKey(r => r.TrackId).OnDelete(DeleteBehavior.Cascade);
        review.HasIndex(r => new { r.TrackId, r.ReviewedOn });
    }
}
