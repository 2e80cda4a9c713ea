using InvestCRM.Features.Identity;

namespace InvestCRM.Features.Projects;

/// <summary>Who may change a project: its owner, the owning team's staff, managers and admins.</summary>
public static class ProjectAccess
{
    public static bool CanEdit(CurrentUser user, Project project) =>
        user.IsSystem
        || user.IsLeadership
        || (user.IsStaff && (project.OwnerId == user.UserId || (project.TeamId is not null && project.TeamId == user.TeamId)));

    /// <summary>Everyone on staff may view every project; partners only their incubator's (narrowed by the DbContext).</summary>
    public static bool CanCreate(CurrentUser user) => user.IsSystem || user.IsLeadership || user.IsStaff;
}
