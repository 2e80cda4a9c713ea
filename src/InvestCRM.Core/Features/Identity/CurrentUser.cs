using System.Security.Claims;

namespace InvestCRM.Features.Identity;

/// <summary>
/// Who is asking, as far as access is concerned. Every query that can leak data is narrowed
/// from this one object (see <see cref="Data.CrmDbContext"/> query filters and <see cref="AccessRules"/>).
/// </summary>
public sealed record CurrentUser(string? UserId, string? Name, IReadOnlySet<string> Roles, int? TeamId, int? IncubatorId)
{
    /// <summary>Start-up, jobs and seeding: no user, no narrowing.</summary>
    public static readonly CurrentUser System = new(null, "system", new HashSet<string>(), null, null);

    public bool IsSystem => UserId is null;
    public bool IsAdmin => Roles.Contains(Identity.Roles.Admin);
    public bool IsManager => Roles.Contains(Identity.Roles.Manager);
    public bool IsStaff => Roles.Contains(Identity.Roles.Staff);

    /// <summary>A partner sees only rows of their own incubator; one without an incubator sees none.</summary>
    public bool IsPartner => Roles.Contains(Identity.Roles.Partner) && !IsAdmin && !IsManager && !IsStaff;
    public bool IsLeadership => IsAdmin || IsManager;

    /// <summary>Set when a partner system calls with an API key: what it submits is recorded as the key's, not a person's.</summary>
    public int? ApiKeyId { get; init; }

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        return new CurrentUser(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.FindFirstValue(CrmClaims.DisplayName) ?? principal.Identity.Name,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
            ParseId(principal.FindFirstValue(CrmClaims.TeamId)),
            ParseId(principal.FindFirstValue(CrmClaims.IncubatorId)))
        {
            ApiKeyId = ParseId(principal.FindFirstValue(CrmClaims.ApiKeyId)),
        };
    }

    /// <summary>Anonymous callers are treated as partners of no incubator: they see nothing scoped.</summary>
    public static readonly CurrentUser Anonymous =
        new("anonymous", null, new HashSet<string> { Identity.Roles.Partner }, null, null);

    private static int? ParseId(string? value) => int.TryParse(value, out var id) ? id : null;
}

public interface ICurrentUserAccessor
{
    CurrentUser Current { get; }
}

/// <summary>For code that runs outside a request (seeding, jobs, design-time tools).</summary>
public sealed class SystemUserAccessor : ICurrentUserAccessor
{
    public CurrentUser Current => CurrentUser.System;
}
