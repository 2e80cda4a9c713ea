using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Demo;

/// <summary>
/// Writes synthetic data through EF, so every row is audited like a real one. Fine for a few hundred projects
/// at start-up; the benchmark's bulk loader writes millions of rows with COPY / prepared inserts instead.
/// </summary>
public static class DemoProjects
{
    private const int Seed = 2026;
    private const int Batch = 200;

    /// <summary>Adds the generated rows after the highest existing keys; returns the number of activities added.</summary>
    public static async Task<int> AddAsync(CrmDbContext db, int planId, SyntheticSize size, DateTimeOffset now, CancellationToken ct = default)
    {
        var catalog = await SyntheticCatalog.LoadAsync(db, planId, ct);
        var data = new SyntheticData(catalog, Seed, now, await NextIdsAsync(db, ct)).Generate(size);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Events.AddRange(data.Events);
        await SaveAsync(db, ct);
        foreach (var chunk in data.Enterprises.Chunk(Batch))
        {
            db.Enterprises.AddRange(chunk);
            await SaveAsync(db, ct);
        }

        var activities = 0;
        foreach (var chunk in data.Projects.Chunk(Batch / 4))
        {
            foreach (var history in chunk)
            {
                db.Projects.Add(history.Project);
                db.StageChanges.AddRange(history.Changes);
                db.StagesReached.AddRange(history.Reached);
                db.Activities.AddRange(history.Activities);
                activities += history.Activities.Count;
            }

            await SaveAsync(db, ct);
        }

        await ResetSequencesAsync(db, ct);
        await tx.CommitAsync(ct);
        return activities;
    }

    private static async Task SaveAsync(CrmDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task<SyntheticIds> NextIdsAsync(CrmDbContext db, CancellationToken ct) => new(
        Enterprise: (await db.Enterprises.MaxAsync(e => (int?)e.Id, ct) ?? 0) + 1,
        Contact: (await db.Contacts.MaxAsync(e => (int?)e.Id, ct) ?? 0) + 1,
        Event: (await db.Events.MaxAsync(e => (int?)e.Id, ct) ?? 0) + 1,
        Project: (await db.Projects.MaxAsync(e => (int?)e.Id, ct) ?? 0) + 1,
        StageChange: (await db.StageChanges.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1,
        Activity: (await db.Activities.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1);

    /// <summary>Keys were given explicitly; PostgreSQL's identity sequences must move past them (SQLite needs nothing).</summary>
    private static async Task ResetSequencesAsync(CrmDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(SyntheticSequences.ResetSql, ct);
        }
    }
}

/// <summary>The tables whose keys synthetic data sets explicitly.</summary>
public static class SyntheticSequences
{
    public static readonly string[] Tables = ["Enterprises", "Contacts", "Events", "Projects", "StageChanges", "Activities"];

    public static string ResetSql => string.Join("\n", Tables.Select(t =>
        $"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{t}\"), 0) + 1, false);"));
}
