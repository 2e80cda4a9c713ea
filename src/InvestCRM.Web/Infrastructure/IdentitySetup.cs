using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace InvestCRM.Web.Infrastructure;

public static class IdentitySetup
{
    public static WebApplicationBuilder AddCrmIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                // OWASP ASVS 5: length over composition; common passwords are refused by CommonPasswordValidator.
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            // Signed in but not allowed: the same 404 as a record outside one's scope, so there is
            // nothing to probe (there is no access-denied page to redirect to). A partner's home is the
            // portal, so the home links of every page (the brand, "back home") take a partner there.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (context.Request.Path == "/" && context.HttpContext.User.IsInRole(Roles.Partner))
                {
                    context.Response.Redirect("/portal");
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }

                return Task.CompletedTask;
            };
            o.Cookie.Name = "investcrm.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Programs calling the API get a status code, never the login page's HTML.
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.ContainsKey("X-Api-Key"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        // Deactivated users and changed roles take effect within a minute, not at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "investcrm.af";
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "RequestVerificationToken";
        });

        // Everything needs a signed-in user unless a page opts out with [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Internal, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Staff))
            .AddPolicy(Policies.Leadership, p => p.RequireRole(Roles.Admin, Roles.Manager))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Partner, p => p.RequireRole(Roles.Partner));
        return builder;
    }
}

public static class Policies
{
    public const string Internal = "internal";
    public const string Leadership = "leadership";
    public const string Admin = "admin";
    public const string Partner = "partner";
}

