using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Events;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> activity)
    {
        activity.Property(a => a.Place).HasMaxLength(200);
        activity.Property(a => a.Summary).HasMaxLength(4000);
        activity.Property(a => a.Outcome).HasMaxLength(2000);
        activity.Property(a => a.NextStep).HasMaxLength(1000);
        activity.Property(a => a.CreatedById).HasMaxLength(450);
        activity.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        activity.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        activity.HasOne<CrmEvent>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Restrict);
        activity.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        activity.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
        activity.HasMany(a => a.ContactsMet).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        activity.HasIndex(a => new { a.ProjectId, a.OccurredAt });
        activity.HasIndex(a => new { a.EnterpriseId, a.OccurredAt });
    }
}

internal sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> participant)
    {
        participant.HasKey(p => new { p.ActivityId, p.UserId });
        participant.Property(p => p.UserId).HasMaxLength(450);
        participant.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        // A user's open follow-ups in date order (the id breaks ties), without reading the done ones (most of them).
        participant.HasIndex(p => new { p.UserId, p.FollowUpDone, p.FollowUpOn, p.ActivityId });
    }
}

internal sealed class ActivityContactConfiguration : IEntityTypeConfiguration<ActivityContact>
{
    public void Configure(EntityTypeBuilder<ActivityContact> met)
    {
        met.HasKey(c => new { c.ActivityId, c.ContactId });
        met.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
