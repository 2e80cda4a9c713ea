using InvestCRM.Data;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Teams;

public sealed record TeamRow(int Id, string Name, string? NameEn, int? ParkId, string? ParkName, string? ParkNameEn, int Members);

/// <summary>Investment-promotion teams (招商小分队), their home park and how many users belong to each.</summary>
public sealed class TeamService(CrmDbContext db)
{
    public async Task<IReadOnlyList<TeamRow>> ListAsync(CancellationToken ct = default) =>
        await Rows(db.Teams.OrderBy(t => t.Name)).ToListAsync(ct);

    public async Task<TeamRow?> FindAsync(int id, CancellationToken ct = default) =>
        await Rows(db.Teams.Where(t => t.Id == id)).FirstOrDefaultAsync(ct);

    public async Task<Outcome> CreateAsync(TeamInput input, CancellationToken ct = default) =>
        await SaveAsync(new Team { Name = "" }, input, ct);

    public async Task<Outcome> UpdateAsync(int id, TeamInput input, CancellationToken ct = default) =>
        await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct) is { } team
            ? await SaveAsync(team, input, ct)
            : Outcome.NotFound();

    private async Task<Outcome> SaveAsync(Team team, TeamInput input, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        var checks = new InputChecks()
            .Text(nameof(input.Name), input.Name, 100, required: true)
            .Text(nameof(input.NameEn), input.NameEn, 100);
        checks.When(await db.Teams.AnyAsync(t => t.Name == name && t.Id != team.Id, ct), nameof(input.Name), InputChecks.NameTaken);
        checks.When(input.ParkId is { } park && !await db.Parks.AnyAsync(p => p.Id == park, ct), nameof(input.ParkId), InputChecks.Unknown);
        if (checks.HasProblems)
        {
            return checks.ToOutcome();
        }

        team.Name = name;
        team.NameEn = InputChecks.Clean(input.NameEn);
        team.ParkId = input.ParkId;
        if (team.Id == 0)
        {
            db.Teams.Add(team);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(team.Id);
    }

    private IQueryable<TeamRow> Rows(IQueryable<Team> teams) =>
        from t in teams.AsNoTracking()
        join p in db.Parks on t.ParkId equals p.Id into parks
        from park in parks.DefaultIfEmpty()
        select new TeamRow(t.Id, t.Name, t.NameEn, t.ParkId, park == null ? null : park.Name, park == null ? null : park.NameEn,
            db.Users.Count(u => u.TeamId == t.Id));
}

/// <summary>What an admin enters for a team.</summary>
public sealed class TeamInput
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public int? ParkId { get; set; }

    public static TeamInput Of(TeamRow row) => new() { Name = row.Name, NameEn = row.NameEn, ParkId = row.ParkId };
}
