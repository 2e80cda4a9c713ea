using InvestCRM.Features.Identity;
using Microsoft.AspNetCore.Identity;

namespace InvestCRM.Tests.Features.Identity;

/// <summary>The validator on its own; <see cref="UserAdministrationTests"/> checks that the app applies it with the length rule.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly ApplicationUser User = new() { DisplayName = "张伟", Email = "zhang.wei@sanming.example", UserName = "zhang.wei@sanming.example" };

    [Theory]
    [InlineData("password1234")] // breach list
    [InlineData("PASSWORD1234")] // case does not help
    [InlineData("111111111111")] // one character repeated
    [InlineData("abababababab")] // two characters alternating
    [InlineData("qwertyuiopas")] // keyboard run
    [InlineData("987654321098")] // number run backwards
    public async Task Common_or_trivial_passwords_are_refused(string password) =>
        AssertRefused(await ValidateAsync(password), "CommonPassword");

    [Theory]
    [InlineData("zhang.wei-2026-sanming")]
    [InlineData("My-ZHANG.WEI-password")]
    public async Task Passwords_containing_the_email_name_are_refused(string password) =>
        AssertRefused(await ValidateAsync(password), "CommonPassword");

    [Theory]
    [InlineData("tea garden river lantern")]
    [InlineData("三明的茶园在雨后格外清新安静")]
    public async Task A_long_uncommon_passphrase_is_accepted(string password) =>
        Assert.True((await ValidateAsync(password)).Succeeded);

    [Fact]
    public async Task More_than_128_characters_are_refused() =>
        AssertRefused(await ValidateAsync(new string('x', 60) + new string('y', 69)), "PasswordTooLong");

    private static Task<IdentityResult> ValidateAsync(string password) =>
        new CommonPasswordValidator().ValidateAsync(null!, User, password); // the validator never uses the manager

    private static void AssertRefused(IdentityResult result, string code)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }
}
