using InvestCRM.Features.Demo;
using InvestCRM.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Fixtures;

public sealed record TestUser(string Id, string Email, string Password);

/// <summary>Demo accounts for read-only use; tests that change a user (lockout, culture, 2FA) create their own.</summary>
public static class DemoAccounts
{
    public const string Password = DemoOptions.DefaultPassword;
    public const string Admin = $"admin@{DemoOptions.EmailDomain}";
    public const string Manager = $"manager@{DemoOptions.EmailDomain}";
    public const string Staff = $"staff@{DemoOptions.EmailDomain}";
    public const string PartnerBeijing = $"partner.beijing@{DemoOptions.EmailDomain}";
    public const string PartnerShanghai = $"partner.shanghai@{DemoOptions.EmailDomain}";
}

public static class TestUsers
{
    /// <summary>Long enough and uncommon enough for the password policy.</summary>
    public const string Password = "Tidal-Orchid-Lantern-42";

    /// <summary>Creates a user through the app's own <see cref="UserAdministration"/>, with a unique e-mail.</summary>
    public static async Task<TestUser> CreateUserAsync(this WebApplicationFactory<Program> app, string role, int? incubatorId = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.investcrm.local";
        await using var scope = app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await admin.CreateAsync(new UserInput(email, "测试用户", role, null, incubatorId, true), Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return new TestUser(user!.Id, email, Password);
    }

    /// <summary>Reads a user fresh from the database, as the app would on the next request.</summary>
    public static async Task<ApplicationUser> FindUserAsync(this WebApplicationFactory<Program> app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user ?? throw new InvalidOperationException($"No user {email}.");
    }
}
