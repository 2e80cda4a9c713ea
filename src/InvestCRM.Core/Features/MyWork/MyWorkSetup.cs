using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Features.MyWork;

public static class MyWorkSetup
{
    public static IServiceCollection AddMyWork(this IServiceCollection services)
    {
        services.AddOptions<MyWorkOptions>().BindConfiguration(MyWorkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddScoped<MyWorkService>();
    }
}
