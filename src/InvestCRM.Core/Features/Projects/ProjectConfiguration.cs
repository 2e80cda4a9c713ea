using InvestCRM.Features.Chains;
using InvestCRM.Features.Events;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.Property(p => p.Title).HasMaxLength(200);
        project.Property(p => p.OwnerId).HasMaxLength(450);
        project.Property(p => p.StatusReason).HasMaxLength(500);
        project.Property(p => p.LocalEntityCreditCode).HasMaxLength(18);
        project.Property(p => p.Notes).HasMaxLength(4000);
        project.Property(p => p.Version).IsConcurrencyToken();
        project.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne(p => p.Stage).WithMany().HasForeignKey(p => p.StageId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<OffshoreIncubator>().WithMany().HasForeignKey(p => p.IncubatorId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<CrmEvent>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<Team>().WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<Park>().WithMany().HasForeignKey(p => p.ParkId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<IndustryChain>().WithMany().HasForeignKey(p => p.ChainId).OnDelete(DeleteBehavior.Restrict);
        project.HasOne<ChainNode>().WithMany().HasForeignKey(p => p.ChainNodeId).OnDelete(DeleteBehavior.Restrict);

        // The list: one stage, newest first.
        project.HasIndex(p => new { p.StageId, p.UpdatedAt });
        project.HasIndex(p => p.UpdatedAt);
        // The list filtered by stage and chain (count and page from one range); the board (active cards per stage).
        project.HasIndex(p => new { p.StageId, p.ChainId, p.UpdatedAt });
        project.HasIndex(p => new { p.StageId, p.Status, p.UpdatedAt });
        // My work: due next actions, stale projects (no activity, else by creation) of a user or team, recent changes.
        project.HasIndex(p => new { p.OwnerId, p.Status, p.NextActionOn });
        project.HasIndex(p => new { p.OwnerId, p.Status, p.LastActivityAt, p.CreatedAt });
        project.HasIndex(p => new { p.TeamId, p.Status, p.LastActivityAt, p.CreatedAt });
        project.HasIndex(p => new { p.OwnerId, p.UpdatedAt });
        // The dashboard's stalled projects across the whole park: longest idle first (the id breaks ties in the index
        // itself, else PostgreSQL sorts every active project to find ten), and the fresh ones the count subtracts.
        project.HasIndex(p => new { p.Status, p.LastActivityAt, p.CreatedAt, p.Id });
        project.HasIndex(p => new { p.TeamId, p.UpdatedAt });
        project.HasIndex(p => new { p.IncubatorId, p.UpdatedAt });
        project.HasIndex(p => new { p.ChainId, p.UpdatedAt });
        project.HasIndex(p => new { p.ParkId, p.UpdatedAt });
        // IncubatorId in both: the partner scope's filter names it in every query, and SQLite cannot fold that away when it plans.
        project.HasIndex(p => new { p.EnterpriseId, p.IncubatorId });
        // The chain map counts a node's open projects and its firms from this index alone.
        project.HasIndex(p => new { p.ChainNodeId, p.Status, p.StageId, p.EnterpriseId, p.IncubatorId });
        project.HasIndex(p => p.Title);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> change)
    {
        change.Property(c => c.UserId).HasMaxLength(450);
        change.Property(c => c.UserName).HasMaxLength(256);
        change.Property(c => c.Note).HasMaxLength(1000);
        change.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        change.HasOne<PipelineStage>().WithMany().HasForeignKey(c => c.FromStageId).OnDelete(DeleteBehavior.Restrict);
        change.HasOne(c => c.ToStage).WithMany().HasForeignKey(c => c.ToStageId).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(c => new { c.ProjectId, c.At });
        change.HasIndex(c => new { c.ToStageId, c.At });
    }
}

internal sealed class StageReachedConfiguration : IEntityTypeConfiguration<StageReached>
{
    public void Configure(EntityTypeBuilder<StageReached> reached)
    {
        reached.ToTable("StageReached");
        reached.HasKey(r => new { r.ProjectId, r.StageId });
        reached.HasOne<Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        reached.HasOne<PipelineStage>().WithMany().HasForeignKey(r => r.StageId).OnDelete(DeleteBehavior.Restrict);
        reached.HasIndex(r => new { r.StageId, r.FirstReachedAt });
    }
}
