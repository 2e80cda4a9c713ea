using InvestCRM.Data;
using InvestCRM.Features.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Identity;

public sealed record UserRow(string Id, string Email, string DisplayName, string Role, int? TeamId, int? IncubatorId, bool IsActive, bool TwoFactor, DateTimeOffset? LockedUntil);

/// <summary>The teams and incubators a user can be assigned to.</summary>
public sealed record UserChoices(IReadOnlyList<Choice> Teams, IReadOnlyList<Choice> Incubators);

public sealed record UserInput(string Email, string DisplayName, string Role, int? TeamId, int? IncubatorId, bool IsActive);

/// <summary>Admins create users and set their role, team and incubator; there is no self-registration.</summary>
public sealed class UserAdministration(CrmDbContext db, UserManager<ApplicationUser> users)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        var roleOf = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roleOf.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name ?? "");
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return rows.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, byUser.GetValueOrDefault(u.Id, ""),
            u.TeamId, u.IncubatorId, u.IsActive, u.TwoFactorEnabled, u.LockoutEnd > DateTimeOffset.UtcNow ? u.LockoutEnd : null)).ToList();
    }

    public async Task<UserChoices> ChoicesAsync(CancellationToken ct = default) => new(
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name, t.NameEn)).ToListAsync(ct),
        await db.Incubators.AsNoTracking().OrderBy(i => i.Region).ThenBy(i => i.City).Select(i => new Choice(i.Id, i.Name, null)).ToListAsync(ct));

    public async Task<UserRow?> FindAsync(string id, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(u => u.Id == id);

    /// <summary>Creates the user with a role, or returns the reasons it cannot (nothing is written then).</summary>
    public async Task<IdentityResult> CreateAsync(UserInput input, string password)
    {
        if (await ValidateAsync(input) is { } invalid)
        {
            return invalid;
        }

        var user = new ApplicationUser
        {
            UserName = input.Email, Email = input.Email, EmailConfirmed = true, DisplayName = input.DisplayName,
            TeamId = input.TeamId, IncubatorId = input.Role == Roles.Partner ? input.IncubatorId : null, IsActive = input.IsActive,
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, input.Role);
        }

        if (result.Succeeded)
        {
            await tx.CommitAsync();
        }

        return result;
    }

    public async Task<IdentityResult> UpdateAsync(string id, UserInput input)
    {
        if (await ValidateAsync(input) is { } invalid)
        {
            return invalid;
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UserNotFound", Description = "User not found." });
        }

        // An admin who demotes or deactivates themselves may leave nobody able to undo it.
        if (id == db.User.UserId && (input.Role != Roles.Admin || !input.IsActive))
        {
            return IdentityResult.Failed(new IdentityError { Code = "CannotDemoteSelf", Description = "You cannot remove your own admin role or deactivate yourself." });
        }

        user.Email = input.Email;
        user.UserName = input.Email;
        user.DisplayName = input.DisplayName;
        user.TeamId = input.TeamId;
        user.IncubatorId = input.Role == Roles.Partner ? input.IncubatorId : null;
        user.IsActive = input.IsActive;
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        if (result.Succeeded && !current.SequenceEqual([input.Role]))
        {
            result = await users.RemoveFromRolesAsync(user, current);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, input.Role);
            }
        }

        if (result.Succeeded)
        {
            // Role, team or incubator changed: old cookies must not keep the old scope.
            await users.UpdateSecurityStampAsync(user);
            await tx.CommitAsync();
        }

        return result;
    }

    public async Task<IdentityResult> ResetPasswordAsync(string id, string password)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UserNotFound", Description = "User not found." });
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        return result;
    }

    private async Task<IdentityResult?> ValidateAsync(UserInput input)
    {
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        // Ids come from a form: one that names nothing must be refused here, not by a foreign key.
        if (input.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownTeam", Description = "Choose a team from the list." });
        }

        if (input.Role == Roles.Partner && !await db.Incubators.IgnoreQueryFilters().AnyAsync(i => i.Id == input.IncubatorId))
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownIncubator", Description = "Choose an incubator from the list." });
        }

        return null;
    }

    private static IdentityResult? Validate(UserInput input)
    {
        if (!Roles.All.Contains(input.Role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidRole", Description = "Choose a role." });
        }

        if (input.Role == Roles.Partner && input.IncubatorId is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "PartnerNeedsIncubator", Description = "A partner must belong to exactly one incubator." });
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            return IdentityResult.Failed(new IdentityError { Code = "DisplayNameRequired", Description = "Enter a name." });
        }

        if (input.DisplayName.Trim().Length > 100)
        {
            return IdentityResult.Failed(new IdentityError { Code = "DisplayNameTooLong", Description = "The name may have at most 100 characters." });
        }

        return null;
    }

    public async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
