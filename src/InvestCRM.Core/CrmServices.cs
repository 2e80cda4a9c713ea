using InvestCRM.Features.Activities;
using InvestCRM.Features.Attachments;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Home;
using InvestCRM.Features.Events;
using InvestCRM.Features.Funnel;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.MyWork;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Features.Pipeline;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Stages;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Features.Teams;
using InvestCRM.Features.Tracks;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM;

public static class CrmServices
{
    /// <summary>The services pages, endpoints and jobs call; each lives in its feature folder.</summary>
    public static IServiceCollection AddCrmServices(this IServiceCollection services)
    {
        services.AddSingleton(ChinaTime.Clock);
        services.AddScoped<UserAdministration>();
        services.AddScoped<ProjectService>();
        services.AddScoped<LedgerService>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<LedgerMaintenance>();
        services.AddScoped<FunnelMaintenance>();
        services.AddScoped<FunnelQueries>();
        services.AddScoped<ForecastQueries>();
        services.AddScoped<FunnelExport>();
        services.AddScoped<ReportOptionsQuery>();
        services.AddScoped<LedgerSliceQueries>();
        services.AddScoped<PipelineMaintenance>();
        services.AddScoped<DashboardService>();
        services.AddScoped<DashboardExport>();
        services.AddScoped<EnterpriseService>();
        services.AddScoped<EnterpriseImport>();
        services.AddScoped<ProjectQueries>();
        services.AddScoped<ProjectExport>();
        services.AddScoped<DemoData>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PlanCatalog>();
        services.AddScoped<IncubatorDirectory>();
        services.AddScoped<TargetCatalog>();
        services.AddScoped<TargetProgress>();
        services.AddScoped<ActivityService>();
        services.AddScoped<EventService>();
        services.AddMyWork();
        services.AddScoped<PlanService>();
        services.AddScoped<ChainService>();
        services.AddScoped<ChainCoverage>();
        services.AddScoped<TrackEvaluation>();
        services.AddScoped<TrackService>();
        services.AddScoped<IncubatorService>();
        services.AddScoped<IncubatorOverview>();
        services.AddScoped<TeamService>();
        services.AddScoped<StageService>();
        services.AddScoped<TargetService>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddSingleton<UnreadNotices>();
        services.AddScoped<AttachmentStore>();
        services.AddScoped<ProjectFiles>();
        services.AddScoped<ReferralService>();
        services.AddScoped<PartnerReferrals>();
        services.AddScoped<ReferralTriage>();
        services.AddScoped<ApiKeyService>();
        return services;
    }
}
