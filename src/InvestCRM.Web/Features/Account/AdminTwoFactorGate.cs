using InvestCRM.Features.Identity;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace InvestCRM.Web.Features.Account;

/// <summary>
/// Admins hold the keys to everything, so until their session is proven with a second factor
/// (the "amr" claim Identity adds after a TOTP sign-in) they can only set one up or sign out.
/// </summary>
internal sealed class AdminTwoFactorGate(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string SetupPath = "/account/two-factor";
    private static readonly string[] Open = [SetupPath, "/account/logout", "/culture", "/css/", "/js/", "/lib/", "/_content/", "/favicon", "/healthz"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var path = context.Request.Path.Value ?? "";
        if (options.CurrentValue.RequireAdminTwoFactor
            && user.IsInRole(Roles.Admin)
            && !user.HasClaim("amr", "mfa")
            && !Open.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            // The page binds "required" as a bool, which "1" does not parse as.
            context.Response.Redirect(SetupPath + "?required=true");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
