using InvestCRM.Features.Identity;
using InvestCRM.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace InvestCRM.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAntiforgeryToken(); // binds no form field, so UseAntiforgery alone would not check it

        return app;
    }
}
