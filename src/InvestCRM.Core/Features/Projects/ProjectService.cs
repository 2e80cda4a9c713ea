using InvestCRM.Data;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Common;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Projects;

/// <summary>Creates and edits projects and moves them through the pipeline; every page and API calls this.</summary>
public sealed class ProjectService(CrmDbContext db, LedgerService ledger, ReferenceCache cache, TimeProvider clock, Notifier notifier)
{
    public async Task<Outcome> CreateAsync(ProjectInput input, CancellationToken ct = default)
    {
        var user = db.User;
        if (!ProjectAccess.CanCreate(user))
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = await CheckAsync(input, ct);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var stages = await StagesAsync(ct);
        var now = clock.GetUtcNow();
        var project = new Project { Title = input.Title, OwnerId = input.OwnerId ?? user.UserId!, StageId = stages[0].Id, StageEnteredAt = now, CreatedAt = now, UpdatedAt = now };
        input.ApplyTo(project);
        project.TeamId ??= user.TeamId;

        // A caller's transaction (accepting a referral) takes the project with it; otherwise this is one on its own.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        RecordChange(project, null, ProjectStatus.Active, "", now);
        var reached = RecordReached(project.Id, [stages[0]], [], now);
        await db.SaveChangesAsync(ct);
        await ledger.CountAsync(project, reached, now, ct);
        await FunnelSummaryWriter.UpdateAsync(db, [], project, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return Outcome.Done(project.Id);
    }

    /// <summary>Saves the edit only if nobody saved the project since <paramref name="version"/> was read.</summary>
    public async Task<Outcome> UpdateAsync(int id, int version, ProjectInput input, CancellationToken ct = default)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        if (!ProjectAccess.CanEdit(db.User, project))
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = await CheckAsync(input, ct);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        // The units and planned investment place the project in the funnel: its lines move with the edit.
        var before = await FunnelSummaryWriter.LinesAsync(db, FunnelProject.Of(project), ct);
        input.ApplyTo(project);
        if (input.OwnerId is { Length: > 0 } owner)
        {
            project.OwnerId = owner;
        }

        project.UpdatedAt = clock.GetUtcNow();
        return await SaveWithFunnelAsync(project, version, before, ct);
    }

    public async Task<Outcome> MoveAsync(int id, int version, StageMove move, CancellationToken ct = default)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        if (!ProjectAccess.CanEdit(db.User, project))
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var stages = await StagesAsync(ct);
        var problems = move.Facts?.Check().ToList() ?? [];
        if (problems.Count == 0)
        {
            move.Facts?.ApplyTo(project);
            problems.AddRange(move.Facts is null ? [] : StageDates.CheckGiven(project, move.Facts));
            problems.AddRange(move.Facts is not { } facts ? [] : StageDates.CheckRange(
                ChinaTime.Today(clock), facts.AgreementDate, facts.RegisteredOn, facts.ConstructionStartedOn, facts.ProductionStartedOn));
            problems.AddRange(StageRules.CheckMove(project, stages, move));
        }

        if (problems.Count > 0)
        {
            // The facts were applied to the tracked entity; a refused move must leave nothing to save.
            db.Entry(project).State = EntityState.Detached;
            return Outcome.Refused(problems);
        }

        var before = await FunnelSummaryWriter.LinesAsync(db, FunnelProject.Of(project), ct);
        var now = clock.GetUtcNow();
        var from = project.StageId;
        var to = stages.Single(s => s.Id == move.ToStageId);
        project.StageId = to.Id;
        project.StageEnteredAt = now;
        project.UpdatedAt = now;
        RecordChange(project, from, project.Status, move.Reason, now);
        var already = await db.StagesReached.Where(r => r.ProjectId == id).Select(r => r.StageId).ToListAsync(ct);
        var reached = RecordReached(id, StageRules.StagesReachedBy(stages, to), already, now);
        // Here rather than in the pages, so every path that moves a project tells the referring incubator.
        await notifier.ProjectMovedAsync(project, to, ct);

        // The move, the first reaches, the notices and any count they cause land together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await SaveVersionedAsync(project, version, ct);
        if (outcome.Succeeded)
        {
            await ledger.CountAsync(project, reached, now, ct);
            await FunnelSummaryWriter.UpdateAsync(db, before, project, ct);
            await tx.CommitAsync(ct);
        }

        return outcome;
    }

    /// <summary>Holds, drops or reactivates a project; a drop needs a reason and its category.</summary>
    public async Task<Outcome> SetStatusAsync(int id, int version, ProjectStatus status, string? reason, DropReason? category, CancellationToken ct = default)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        if (!ProjectAccess.CanEdit(db.User, project))
        {
            return Outcome.Refused(new Problem("Rule.NotAllowed"));
        }

        var problems = StageRules.CheckStatus(project, status, reason, category);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        var before = await FunnelSummaryWriter.LinesAsync(db, FunnelProject.Of(project), ct);
        var now = clock.GetUtcNow();
        var fromStatus = project.Status;
        project.Status = status;
        project.StatusReason = status == ProjectStatus.Active ? null : reason!.Trim();
        project.DropReason = status == ProjectStatus.Dropped ? category : null;
        project.UpdatedAt = now;
        db.StageChanges.Add(new StageChange
        {
            ProjectId = id, FromStageId = project.StageId, ToStageId = project.StageId, FromStatus = fromStatus, ToStatus = status,
            At = now, UserId = db.User.UserId, UserName = db.User.Name, Note = reason?.Trim(), DropReason = project.DropReason,
        });
        return await SaveWithFunnelAsync(project, version, before, ct);
    }

    /// <summary>Saves a versioned change and moves the funnel's summaries with it, all or nothing.</summary>
    private async Task<Outcome> SaveWithFunnelAsync(Project project, int version, List<FunnelSummary> before, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var outcome = await SaveVersionedAsync(project, version, ct);
        if (outcome.Succeeded)
        {
            await FunnelSummaryWriter.UpdateAsync(db, before, project, ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }

        return outcome;
    }

    private async Task<Outcome> SaveVersionedAsync(Project project, int version, CancellationToken ct)
    {
        db.Entry(project).Property(p => p.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done(project.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused(new Problem("Rule.Concurrency"));
        }
    }

    private void RecordChange(Project project, int? fromStage, ProjectStatus fromStatus, string? note, DateTimeOffset at) =>
        db.StageChanges.Add(new StageChange
        {
            ProjectId = project.Id, FromStageId = fromStage, ToStageId = project.StageId, FromStatus = fromStatus, ToStatus = project.Status,
            At = at, UserId = db.User.UserId, UserName = db.User.Name, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });

    /// <summary>Records first reaches and returns the stages reached for the first time.</summary>
    private List<int> RecordReached(int projectId, IEnumerable<PipelineStage> reached, IReadOnlyCollection<int> already, DateTimeOffset at)
    {
        var first = reached.Where(s => !already.Contains(s.Id)).Select(s => s.Id).ToList();
        db.StagesReached.AddRange(first.Select(s => new StageReached { ProjectId = projectId, StageId = s, FirstReachedAt = at }));
        return first;
    }

    private Task<IReadOnlyList<PipelineStage>> StagesAsync(CancellationToken ct) => cache.StagesAsync(db, ct);

    private Task<bool> SecondaryUnitExistsAsync(TargetScope? scope, int id, CancellationToken ct) => scope switch
    {
        TargetScope.Park => db.Parks.AnyAsync(p => p.Id == id, ct),
        TargetScope.Team => db.Teams.AnyAsync(t => t.Id == id, ct),
        TargetScope.Incubator => db.Incubators.AnyAsync(i => i.Id == id, ct),
        _ => Task.FromResult(false),
    };

    /// <summary>Form rules plus the ones that need the database: the referenced rows exist and fit together.</summary>
    private async Task<List<Problem>> CheckAsync(ProjectInput input, CancellationToken ct)
    {
        var problems = input.Check().ToList();
        problems.AddRange(StageDates.CheckRange(ChinaTime.Today(clock), input.AgreementDate, input.RegisteredOn, input.ConstructionStartedOn, input.ProductionStartedOn));
        if (!await db.Enterprises.AnyAsync(e => e.Id == input.EnterpriseId, ct))
        {
            problems.Add(new Problem("Validation.Required", nameof(input.EnterpriseId)));
        }

        if (input.OwnerId is { Length: > 0 } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.IsActive, ct))
        {
            problems.Add(new Problem("Rule.UnknownUser", nameof(input.OwnerId)));
        }

        if (input.ChainNodeId is { } node && !await db.ChainNodes.AnyAsync(n => n.Id == node && (input.ChainId == null || n.ChainId == input.ChainId), ct))
        {
            problems.Add(new Problem("Rule.NodeNotInChain", nameof(input.ChainNodeId)));
        }

        if (input.IncubatorId is { } incubator && !await db.Incubators.AnyAsync(i => i.Id == incubator, ct))
        {
            problems.Add(new Problem("Rule.UnknownIncubator", nameof(input.IncubatorId)));
        }

        // A choice that is not (or no longer) on the list, e.g. a team deleted while the form was open.
        async Task RequireKnownAsync(IQueryable<int> ids, int? id, string field)
        {
            if (id is { } value && !await ids.AnyAsync(i => i == value, ct))
            {
                problems.Add(new Problem("Validation.UnknownChoice", field));
            }
        }

        await RequireKnownAsync(db.Events.Select(e => e.Id), input.EventId, nameof(input.EventId));
        await RequireKnownAsync(db.Teams.Select(t => t.Id), input.TeamId, nameof(input.TeamId));
        await RequireKnownAsync(db.Parks.Select(p => p.Id), input.ParkId, nameof(input.ParkId));
        await RequireKnownAsync(db.IndustryChains.Select(c => c.Id), input.ChainId, nameof(input.ChainId));

        if (input.SecondaryCreditId is { } unit && !await SecondaryUnitExistsAsync(input.SecondaryCreditScope, unit, ct))
        {
            problems.Add(new Problem("Rule.SecondaryCreditUnknown", nameof(input.SecondaryCreditId)));
        }

        return problems;
    }
}
