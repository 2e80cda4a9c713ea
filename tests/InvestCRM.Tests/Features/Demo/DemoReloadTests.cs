using InvestCRM.Features.Demo;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.Tests.Features.Demo;

/// <summary>The demo is loaded at every start; rows users have edited since never stop the app from starting.</summary>
public abstract class DemoReloadTests(CrmApp app) : AppTests(app)
{
    [Fact]
    public async Task Loading_again_after_users_edited_the_demo_rows_still_starts()
    {
        var staffEmail = $"staff@{DemoOptions.EmailDomain}";
        int referrals;
        await using (var db = App.Database.CreateContext())
        {
            (await db.Incubators.SingleAsync(i => i.City == "北京", Ct)).City = "北京市";
            (await db.Teams.SingleAsync(t => t.Name == "新材料招商组", Ct)).Name = "新材料产业招商组";
            var staff = await db.Users.SingleAsync(u => u.Email == staffEmail, Ct);
            // As the users page saves a changed address: the user name follows the e-mail.
            (staff.Email, staff.NormalizedEmail, staff.UserName, staff.NormalizedUserName) = ("wang@park.example", "WANG@PARK.EXAMPLE", "wang@park.example", "WANG@PARK.EXAMPLE");
            await db.SaveChangesAsync(Ct);
        }

        await using (var before = App.Database.CreateContext())
        {
            referrals = await before.Referrals.CountAsync(Ct);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(Ct);
        }

        await using var check = App.Database.CreateContext();
        Assert.Equal(1, await check.Users.CountAsync(u => u.Email == "wang@park.example", Ct));
        var added = await check.Users.SingleAsync(u => u.Email == staffEmail, Ct);
        Assert.Null(added.TeamId); // its team was renamed, so the account added again has none
        Assert.Equal(referrals, await check.Referrals.CountAsync(Ct));
    }

    public sealed class Sqlite(SqliteApp app) : DemoReloadTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : DemoReloadTests(app), IClassFixture<PostgresApp>;
}
