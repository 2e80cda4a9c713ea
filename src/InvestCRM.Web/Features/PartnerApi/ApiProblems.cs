using System.Text.RegularExpressions;
using InvestCRM.Features.Common;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.PartnerApi;

/// <summary>ProblemDetails in the caller's language (Accept-Language on /api: zh-CN by default, en-US supported).</summary>
internal static partial class ApiProblems
{
    /// <summary>The framework gives 429 no type of its own; the RFC that defines it stands in, as RFC 9110 does for the others.</summary>
    private const string TooManyRequestsType = "https://tools.ietf.org/html/rfc6585#section-4";

    public static IResult Problem(HttpContext http, int status, string key)
    {
        var text = Text(http);
        var type = status == StatusCodes.Status429TooManyRequests ? TooManyRequestsType : null;
        return Results.Problem(title: text[$"{key}.Title"], detail: text[$"{key}.Detail"], statusCode: status, type: type);
    }

    public static Task WriteAsync(HttpContext http, int status, string key) => Problem(http, status, key).ExecuteAsync(http);

    public static IResult NotFound(HttpContext http) => Problem(http, StatusCodes.Status404NotFound, "Api.Problem.NotFound");

    /// <summary>A refused command: not found or not allowed both answer 404; rule and validation problems 400 with the fields.</summary>
    public static IResult Refused(HttpContext http, Outcome outcome)
    {
        if (outcome.Problems.Any(p => p.Code is "Rule.NotFound" or "Rule.NotAllowed"))
        {
            return NotFound(http);
        }

        var text = Text(http);
        var errors = outcome.Problems.GroupBy(p => p.Field ?? "").ToDictionary(g => g.Key, g => g.Select(p => (string)text[p.Code]).ToArray());
        return Results.ValidationProblem(errors, title: text["Api.Problem.Invalid.Title"], detail: text["Api.Problem.Invalid.Detail"]);
    }

    /// <summary>
    /// A request its endpoint could not bind (?page=abc, a date that is not one, a body that is not JSON): 400 with the
    /// parameter named, in the caller's language, rather than the framework's bare 400. The framework names the
    /// parameter and its type only in the exception's message, so they are read from there.
    /// </summary>
    public static IResult Unbound(HttpContext http, BadHttpRequestException exception)
    {
        var message = exception.Message;
        var parameter = BoundParameter().Match(message);
        var (type, name) = (parameter.Groups["type"].Value, parameter.Groups["name"].Value);
        var code = message switch
        {
            _ when message.Contains("was not provided", StringComparison.Ordinal) => "Validation.Required",
            _ when message.Contains("JSON", StringComparison.Ordinal) => "Api.Problem.BadJson",
            _ when type.Contains("Date", StringComparison.Ordinal) => "Validation.Date",
            _ => "Validation.Number",
        };
        return Refused(http, Outcome.Refused(new Problem(code, name)));
    }

    /// <summary>The framework writes: Failed to bind parameter "Nullable&lt;int&gt; page" from "abc".</summary>
    [GeneratedRegex("parameter \"(?:(?<type>[^\"]*) )?(?<name>\\w+)\"")]
    private static partial Regex BoundParameter();

    private static IStringLocalizer Text(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
}
