using InvestCRM.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;

namespace InvestCRM.Tests.Features.Identity;

/// <summary>Identity's errors are shown by their code from our resources; any code without one would show in English.</summary>
public sealed class IdentityTextTests
{
    public static TheoryData<string> Codes()
    {
        // Every error the framework's describer can give, whatever its arguments.
        var describer = new IdentityErrorDescriber();
        var codes = typeof(IdentityErrorDescriber).GetMethods()
            .Where(m => m.ReturnType == typeof(IdentityError))
            .Select(m => (IdentityError)m.Invoke(describer, m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)1 : "x").ToArray())!)
            .Select(e => e.Code).Distinct().Order();
        return new TheoryData<string>(codes);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_identity_error_has_words_in_both_languages(string code)
    {
        Assert.NotEmpty(UiText.Chinese($"Identity.{code}"));
        Assert.NotEmpty(UiText.English($"Identity.{code}"));
    }
}
