using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InvestCRM.Features.Identity;

/// <summary>Puts team, incubator and display name into the cookie so scoping needs no extra query.</summary>
public sealed class CrmClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CrmClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(CrmClaims.TeamId, team.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.IncubatorId is { } incubator)
        {
            identity.AddClaim(new Claim(CrmClaims.IncubatorId, incubator.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
