using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace InvestCRM.Features.Identity;

public static class PasswordPolicy
{
    /// <summary>OWASP ASVS 5 (V6.2): at least 12 characters, no composition rules.</summary>
    public const int MinimumLength = 12;

    /// <summary>ASVS asks that at least 64 characters be allowed; longer ones are refused to bound hashing cost.</summary>
    public const int MaximumLength = 128;
}

/// <summary>
/// Refuses passwords that appear in breach lists, are one character repeated or a keyboard/number run,
/// or contain the account's own name. Only passwords of 12+ characters reach here, so the list holds those.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);
    private static readonly string[] Runs = ["0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn"];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        password ??= "";
        if (password.Length > PasswordPolicy.MaximumLength)
        {
            return Failed("PasswordTooLong", $"Passwords may have at most {PasswordPolicy.MaximumLength} characters.");
        }

        var lower = password.ToLowerInvariant();
        if (IsCommon(lower) || ContainsAccountName(lower, user))
        {
            return Failed("CommonPassword", "This password is too common or too easy to guess.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    internal static bool IsCommon(string lower) =>
        Common.Value.Contains(lower)
        || lower.Distinct().Count() <= 2
        || Runs.Any(run => run.Contains(lower, StringComparison.Ordinal) || Reverse(run).Contains(lower, StringComparison.Ordinal));

    private static bool ContainsAccountName(string lower, ApplicationUser user)
    {
        var local = user.Email?.Split('@')[0].ToLowerInvariant();
        return local is { Length: >= 4 } && lower.Contains(local, StringComparison.Ordinal);
    }

    private static string Reverse(string s) => new(s.Reverse().ToArray());

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("InvestCRM.Features.Identity.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
