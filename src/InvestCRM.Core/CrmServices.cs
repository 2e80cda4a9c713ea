using InvestCRM.Features.Attachments;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Targets;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM;

public static class CrmServices
{
    /// <summary>The services pages, endpoints and jobs call; each lives in its feature folder.</summary>
    public static IServiceCollection AddCrmServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<UserAdministration>();
        services.AddScoped<ProjectService>();
        services.AddScoped<DemoData>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PlanCatalog>();
        services.AddScoped<IncubatorDirectory>();
        services.AddScoped<TargetCatalog>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<AttachmentStore>();
        services.AddScoped<ReferralService>();
        services.AddScoped<PartnerReferrals>();
        services.AddScoped<ReferralTriage>();
        services.AddScoped<ApiKeyService>();
        return services;
    }
}
