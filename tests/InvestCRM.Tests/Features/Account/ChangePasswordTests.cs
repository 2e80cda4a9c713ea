using System.Net;
using InvestCRM.Features.Identity;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Account;

public abstract class ChangePasswordTests(CrmApp app) : AppTests(app)
{
    private const string Page = "/account/password";
    private const string NewPassword = "Quiet-Harbour-Maple-77";

    [Fact]
    public async Task A_changed_password_signs_in_and_the_old_one_no_longer_does()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);

        using var response = await ChangeAsync(session, user.Password, NewPassword, NewPassword);

        Assert.Contains(UiText.Chinese("Account.PasswordChanged"), await WebSession.ReadTextAsync(response));
        using var old = App.NewSession();
        using var refused = await old.LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        using var fresh = App.NewSession();
        await fresh.SignInAsync(user.Email, NewPassword);
    }

    [Fact]
    public async Task The_current_password_again_is_refused_and_nothing_is_said_to_have_changed()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var stamp = (await App.FindUserAsync(user.Email)).SecurityStamp;
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);

        using var response = await ChangeAsync(session, user.Password, user.Password, user.Password);

        var page = await WebSession.ReadTextAsync(response);
        Assert.Contains(UiText.Chinese("Validation.PasswordUnchanged"), page);
        Assert.DoesNotContain(UiText.Chinese("Account.PasswordChanged"), page);
        Assert.Equal(stamp, (await App.FindUserAsync(user.Email)).SecurityStamp);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_the_users_words()
    {
        var user = await App.CreateUserAsync(Roles.Staff);
        var hash = (await App.FindUserAsync(user.Email)).PasswordHash;
        using var session = await App.SignedInSessionAsync(user.Email, user.Password);

        using var response = await ChangeAsync(session, "Not-The-Password-1", NewPassword, NewPassword);

        Assert.Contains(UiText.Chinese("Identity.PasswordMismatch"), await WebSession.ReadTextAsync(response));
        Assert.Equal(hash, (await App.FindUserAsync(user.Email)).PasswordHash);
    }

    private static Task<HttpResponseMessage> ChangeAsync(WebSession session, string current, string next, string confirm) =>
        session.SubmitFormAsync(Page, "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = current, ["Input.New"] = next, ["Input.Confirm"] = confirm,
        });

    public sealed class Sqlite(SqliteApp app) : ChangePasswordTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ChangePasswordTests(app), IClassFixture<PostgresApp>;
}
