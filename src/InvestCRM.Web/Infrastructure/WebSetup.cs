using InvestCRM.Web.Components;
using InvestCRM.Web.Features.Account;
using InvestCRM.Web.Features.Activities;
using InvestCRM.Web.Features.Attachments;
using InvestCRM.Web.Features.Chains;
using InvestCRM.Web.Features.Tracks;
using InvestCRM.Web.Features.Enterprises;
using InvestCRM.Web.Features.Home;
using InvestCRM.Web.Features.Funnel;
using InvestCRM.Web.Features.Notifications;
using InvestCRM.Web.Features.PartnerApi;
using InvestCRM.Web.Features.Projects;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using System.Text.Encodings.Web;
using System.Text.Unicode;

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
        // Endpoints that cannot bind a request throw, so that the API can answer in the caller's language (see below).
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
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
        // A page that sets 404 itself is re-executed as /not-found; a fresh scope, since its own already rendered a page.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // API callers get JSON (their endpoints write ProblemDetails), never the HTML not-found page. A refused POST
        // gets a bare status, except a 404 (a form posted for a missing record): that gets the not-found page like a
        // GET, re-executed as a GET, since the page re-executed as a POST would look for the posted form and answer 400.
        app.Use(async (context, next) =>
        {
            var apiCaller = context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.ContainsKey("X-Api-Key");
            var pageRequest = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            var pages = context.Features.Get<IStatusCodePagesFeature>();
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }
            else if (apiCaller && pages is not null)
            {
                pages.Enabled = false;
            }

            await next(context);
            if (!apiCaller && !pageRequest && pages is not null && context.Response.StatusCode != StatusCodes.Status404NotFound)
            {
                pages.Enabled = false;
            }
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
        // After localization, so an API caller's problem is in their language; other callers get the bare 400 as before.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                if (context.Request.Path.StartsWithSegments("/api") && e.StatusCode == StatusCodes.Status400BadRequest)
                {
                    await ApiProblems.Unbound(context, e).ExecuteAsync(context);
                }
                else
                {
                    context.Response.StatusCode = e.StatusCode;
                }
            }
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization, which signs API calls in, so limits are counted per key.
        app.UseRateLimiter();
        app.UseMiddleware<AdminTwoFactorGate>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCrmEndpoints(this WebApplication app)
    {
        // Static files need no sign-in; the fallback policy would otherwise send the login page its own CSS as a redirect.
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthWriter.WriteAsync }).AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapEnterpriseEndpoints();
        app.MapChainEndpoints();
        app.MapTrackEndpoints();
        app.MapProjectEndpoints();
        app.MapDashboardEndpoints();
        app.MapFunnelEndpoints();
        app.MapActivityEndpoints();
        app.MapAttachmentEndpoints();
        app.MapNotificationEndpoints();
        app.MapApiKeyEndpoints();
        app.MapPartnerApiEndpoints();
        app.MapPartnerApiDocument();
        app.MapRazorComponents<App>();
        return app;
    }
}
