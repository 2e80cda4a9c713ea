using InvestCRM.Data;

namespace InvestCRM.Features.Identity;

/// <summary>The users who can act now in one of some roles: active, and holding one of them. One query to compose.</summary>
public static class ActiveUsers
{
    public static readonly string[] Internal = [Roles.Admin, Roles.Manager, Roles.Staff];
    public static readonly string[] Leadership = [Roles.Admin, Roles.Manager];

    public static IQueryable<ApplicationUser> In(CrmDbContext db, string[] roles) =>
        db.Users.Where(u => u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
