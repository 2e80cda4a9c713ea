using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Stages;
using Microsoft.AspNetCore.Identity;

namespace InvestCRM.Web.Features.Account;

/// <summary>
/// <c>dotnet InvestCRM.Web.dll create-admin --email you@example.com --name "Name"</c>, password on standard input:
/// how the first administrator of a production install is made (there is no self-registration).
/// </summary>
public static class AdminCommand
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "create-admin")
        {
            return false;
        }

        var email = Option(args, "--email") ?? throw new ArgumentException("--email is required");
        var name = Option(args, "--name") ?? email;
        var password = Console.In.ReadLine() ?? throw new ArgumentException("Write the password on standard input.");

        // Everything else is configuration, e.g. --Database:Provider=Postgres.
        var builder = WebApplication.CreateBuilder(Without(args[1..], "--email", "--name"));
        builder.Services.AddCrmDatabase(builder.Environment.ContentRootPath);
        builder.Services.AddScoped<ICurrentUserAccessor, SystemUserAccessor>();
        builder.Services.AddIdentityCore<ApplicationUser>(o => o.Password.RequiredLength = PasswordPolicy.MinimumLength)
            .AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>().AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        builder.Services.AddScoped<UserAdministration>();
        await using var app = builder.Build();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        await DefaultStages.EnsureAsync(db);
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await admin.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var result = await admin.CreateAsync(new UserInput(email, name, Roles.Admin, null, null, true), password);
        Console.WriteLine(result.Succeeded
            ? $"Created administrator {email}. Sign in and set up two-factor authentication."
            : "Not created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        Environment.ExitCode = result.Succeeded ? 0 : 1;
        return true;
    }

    private static string[] Without(string[] args, params string[] options) =>
        args.Where((a, i) => !options.Contains(a) && (i == 0 || !options.Contains(args[i - 1]))).ToArray();

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
