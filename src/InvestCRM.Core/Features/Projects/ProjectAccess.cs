using InvestCRM.Features.Identity;

namespace InvestCRM.Features.Projects;

/// <summary>Who may change a project: its owner, the owning team's staff, managers and admins.</summary>
public static class ProjectAccess
{
    public static bool CanEdit(CurrentUser user, Project project) => CanEdit(user, project.OwnerId, project.TeamId);

    /// <summary>For read models (board cards) that carry the owner and team but not the whole project.</summary>
    public static bool CanEdit(CurrentUser user, string ownerId, int? teamId) =>
        user.IsSystem
        || user.IsLeadership
        || (user.IsStaff && (ownerId == user.UserId || (teamId is not null && teamId == user.TeamId)));

    /// <summary>Everyone on staff may view every project; partners only their incubator's (narrowed by the DbContext).</summary>
    public static bool CanCreate(CurrentUser user) => user.IsSystem || user.IsLeadership || user.IsStaff;
}
