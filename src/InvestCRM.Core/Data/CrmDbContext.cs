using InvestCRM.Features.Activities;
using InvestCRM.Features.Attachments;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Events;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Features.Pipeline;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Targets;
using InvestCRM.Features.Teams;
using InvestCRM.Features.Tracks;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InvestCRM.Data;

public class CrmDbContext(DbContextOptions<CrmDbContext> options, ICurrentUserAccessor? currentUser = null, ReferenceCache? referenceCache = null)
    : IdentityDbContext<ApplicationUser>(options)
{
    // Read on every query, not at construction: a context may be created before authentication runs.
    private CurrentUser _user => currentUser?.Current ?? CurrentUser.System;

    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Park> Parks => Set<Park>();
    public DbSet<IndustryChain> IndustryChains => Set<IndustryChain>();
    public DbSet<ChainNode> ChainNodes => Set<ChainNode>();
    public DbSet<OffshoreIncubator> Incubators => Set<OffshoreIncubator>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<PipelineStage> Stages => Set<PipelineStage>();
    public DbSet<PlanTarget> Targets => Set<PlanTarget>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseChainNode> EnterpriseChainNodes => Set<EnterpriseChainNode>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<StageReached> StagesReached => Set<StageReached>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityParticipant> ActivityParticipants => Set<ActivityParticipant>();
    public DbSet<ActivityContact> ActivityContacts => Set<ActivityContact>();
    public DbSet<CrmEvent> Events => Set<CrmEvent>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<TrackReview> TrackReviews => Set<TrackReview>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<LedgerSummary> LedgerSummaries => Set<LedgerSummary>();
    public DbSet<LedgerRollup> LedgerRollups => Set<LedgerRollup>();
    public DbSet<PipelineSummary> PipelineSummaries => Set<PipelineSummary>();
    public DbSet<FunnelSummary> FunnelSummaries => Set<FunnelSummary>();
    public DbSet<FunnelRollup> FunnelRollups => Set<FunnelRollup>();
    public DbSet<IncubatorContact> IncubatorContacts => Set<IncubatorContact>();
    public DbSet<IncubatorStatusChange> IncubatorStatusChanges => Set<IncubatorStatusChange>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralUpdate> ReferralUpdates => Set<ReferralUpdate>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public CurrentUser User => _user;

    // Read by the query filters below; EF evaluates them per context instance.
    private bool PartnerScope => _user.IsPartner;
    private int? ScopeIncubatorId => _user.IncubatorId;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        ApplyAccessScope(builder);
    }

    /// <summary>
    /// The one place where rows are narrowed to what the current user may see. A partner sees only
    /// rows of their own incubator; a lookup by id outside that scope finds nothing (and answers 404).
    /// </summary>
    private void ApplyAccessScope(ModelBuilder builder)
    {
        builder.Entity<OffshoreIncubator>().HasQueryFilter(i => !PartnerScope || i.Id == ScopeIncubatorId);
        builder.Entity<Project>().HasQueryFilter(p => !PartnerScope || p.IncubatorId == ScopeIncubatorId);
        builder.Entity<LedgerEntry>().HasQueryFilter(e => !PartnerScope || e.IncubatorId == ScopeIncubatorId);
        builder.Entity<StageChange>().HasQueryFilter(c => !PartnerScope || Projects.Any(p => p.Id == c.ProjectId));
        builder.Entity<StageReached>().HasQueryFilter(r => !PartnerScope || Projects.Any(p => p.Id == r.ProjectId));
        builder.Entity<Referral>().HasQueryFilter(r => !PartnerScope || r.IncubatorId == ScopeIncubatorId);
        builder.Entity<ReferralUpdate>().HasQueryFilter(u => !PartnerScope || u.IncubatorId == ScopeIncubatorId);
        builder.Entity<Attachment>().HasQueryFilter(a => !PartnerScope || (a.IncubatorId != null && a.IncubatorId == ScopeIncubatorId));
        // Tracks are the park's own evaluation of its units: no partner sees them.
        builder.Entity<Track>().HasQueryFilter(t => !PartnerScope);
        builder.Entity<TrackReview>().HasQueryFilter(r => !PartnerScope);
        builder.Entity<ApiKey>().HasQueryFilter(k => !PartnerScope || k.IncubatorId == ScopeIncubatorId);

        // Staff working records never reach partners: enterprises, contacts, activities, the audit trail.
        builder.Entity<Enterprise>().HasQueryFilter(e => !PartnerScope);
        builder.Entity<Contact>().HasQueryFilter(c => !PartnerScope);
        builder.Entity<Activity>().HasQueryFilter(a => !PartnerScope);
        builder.Entity<AuditEntry>().HasQueryFilter(a => !PartnerScope);
        builder.Entity<IncubatorContact>().HasQueryFilter(c => !PartnerScope || c.IncubatorId == ScopeIncubatorId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<decimal>().HavePrecision(18, 2);
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // A set of flags reads badly as text; it is stored as its number.
        configuration.Properties<ProjectFacts>().HaveConversion<int>();
        if (Database.IsSqlite())
        {
            // SQLite keeps DateTimeOffset as text, which it can neither order nor compare across offsets;
            // UTC ticks sort and compare exactly. PostgreSQL has timestamptz and needs nothing.
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    /// <summary>The stored version must still be the one the user edited; the saved row gets the next one.</summary>
    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(e => e.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        BumpVersions();
        var followUps = ParticipantFollowUps.Capture(ChangeTracker);
        var pending = AuditRecorder.Capture(ChangeTracker, _user);
        var pipeline = PipelineDelta.Capture(ChangeTracker);
        var reference = ReferenceCache.Touches(ChangeTracker);
        if (pending.Count == 0 && pipeline.Count == 0 && followUps.Count == 0 && !reference)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }

        // Changes, their audit entries, the pipeline summary and the participants' follow-ups land together or not at all.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(ct)
            : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (reference)
            {
                await NoteReferenceChangeAsync(ct);
            }

            await PipelineDelta.ApplyAsync(this, pipeline, ct);
            await ParticipantFollowUps.ApplyAsync(this, followUps, ct);
            AuditEntries.AddRange(pending.Select(p => p.ToEntry()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return saved;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private bool _referenceChanged;

    /// <summary>Whether this context's open transaction has saved changes to reference rows (see <see cref="ReferenceCache"/>).</summary>
    internal bool HasUncommittedReferenceChanges => _referenceChanged;

    /// <summary>
    /// A reference table changed in this transaction: the caches are invalidated when it commits (see
    /// <see cref="TransactionEnded"/>); on PostgreSQL, every instance's through a NOTIFY, delivered on commit only.
    /// </summary>
    private async Task NoteReferenceChangeAsync(CancellationToken ct)
    {
        _referenceChanged = true;
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlRawAsync("NOTIFY " + ReferenceCache.Channel, ct);
        }
    }

    /// <summary>Called by <see cref="ReferenceCommits"/> when this context's transaction commits or rolls back.</summary>
    internal void TransactionEnded(bool committed)
    {
        if (_referenceChanged && committed)
        {
            referenceCache?.Invalidate();
        }

        _referenceChanged = false;
    }
}
