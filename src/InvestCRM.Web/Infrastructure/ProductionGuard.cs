using InvestCRM.Features.Demo;

namespace InvestCRM.Web.Infrastructure;

/// <summary>Production must not start with demo data or a secret that is written in this repository.</summary>
internal static class ProductionGuard
{
    public static readonly string[] KnownDefaultSecrets = [DemoOptions.DefaultPassword, "Password=investcrm;", "Password=postgres;"];

    public static void Check(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        var problems = Problems(builder.Configuration).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Refusing to start in Production: " + string.Join(" ", problems));
        }
    }

    internal static IEnumerable<string> Problems(IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            yield return "Demo:Enabled is true (demo accounts have published passwords).";
        }

        var connection = (configuration["Database:ConnectionString"] ?? "").Replace(" ", "") + ";";
        if (KnownDefaultSecrets.Any(s => connection.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            yield return "Database:ConnectionString uses a default password from the repository.";
        }

    }
}
