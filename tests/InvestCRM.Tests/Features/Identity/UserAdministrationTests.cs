using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Identity;

public abstract class UserAdministrationTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Eleven_characters_are_too_short_and_nothing_is_written()
    {
        var (result, email) = await CreateAsync("tea-garden1");

        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task A_common_password_is_refused_by_the_app()
    {
        var (result, email) = await CreateAsync("password1234");

        Assert.Contains(result.Errors, e => e.Code == "CommonPassword");
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Twelve_characters_without_composition_rules_are_enough()
    {
        var (result, email) = await CreateAsync("tea-garden12");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code)));
        Assert.NotNull(await FindAsync(email));
    }

    private async Task<(IdentityResult Result, string Email)> CreateAsync(string password)
    {
        var email = $"policy-{Guid.NewGuid():N}@test.investcrm.local";
        await using var scope = App.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        return (await admin.CreateAsync(new UserInput(email, "密码测试", Roles.Staff, null, null, true), password), email);
    }

    private async Task<ApplicationUser?> FindAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
    }

    public sealed class Sqlite(SqliteApp app) : UserAdministrationTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : UserAdministrationTests(app), IClassFixture<PostgresApp>;
}
