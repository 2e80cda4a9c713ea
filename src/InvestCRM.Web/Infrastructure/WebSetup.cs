using System.Text.Encodings.Web;
using System.Text.Unicode;
using InvestCRM.Web.Components;
using InvestCRM.Web.Features.Account;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace InvestCRM.Web.Infrastructure;

public static class WebSetup
{
    public static WebApplicationBuilder AddCrmWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Chinese text goes out as text, not as numeric entities (a third of the page weight).
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddProblemDetails();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        ProductionGuard.Check(builder);
        return builder;
    }

    public static WebApplication UseCrmPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AdminTwoFactorGate>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCrmEndpoints(this WebApplication app)
    {
        // Stylesheets and scripts of the login page are needed before signing in; the fallback policy would hide them.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthWriter.WriteAsync }).AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}
