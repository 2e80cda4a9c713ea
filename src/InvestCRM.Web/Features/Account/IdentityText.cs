using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Account;

/// <summary>Identity reports errors by code; the words come from our resources ("Identity.{Code}").</summary>
public static class IdentityText
{
    public static IEnumerable<string> Describe(this IdentityResult result, IStringLocalizer localizer) =>
        result.Errors.Select(e => localizer[$"Identity.{e.Code}"] is { ResourceNotFound: false } text ? text.Value : e.Description);
}
