using InvestCRM.Data;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Stages;
using Microsoft.Extensions.Options;

namespace InvestCRM.Web.Infrastructure;

public static class DataSetup
{
    public static WebApplicationBuilder AddCrmData(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentUserAccessor, HttpCurrentUserAccessor>();
        builder.Services.AddCrmDatabase(builder.Environment.ContentRootPath);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddCrmServices();
        builder.Services.AddHealthChecks().AddDbContextCheck<CrmDbContext>("database");
        return builder;
    }

    /// <summary>Migrates, then loads the default stages and, when enabled, the demo plan and accounts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        await DefaultStages.EnsureAsync(db);
        if (app.Environment.IsProduction() && await DemoData.AnyDemoAccountAsync(db))
        {
            throw new InvalidOperationException("Refusing to start in Production: the database holds demo accounts with published passwords.");
        }

        if (scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync();
        }
    }
}

internal sealed class HttpCurrentUserAccessor(IHttpContextAccessor http) : ICurrentUserAccessor
{
    public CurrentUser Current => http.HttpContext is { } context
        ? CurrentUser.From(context.User)
        : CurrentUser.System;
}
