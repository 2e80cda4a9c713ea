using System.Text.Json;
using System.Text.RegularExpressions;
using InvestCRM.Features.Common;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Referrals;
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

    /// <summary>A body of another type than the address reads (or none at all): 415, naming the type it reads.</summary>
    public static IResult UnsupportedMediaType(HttpContext http, string mediaType)
    {
        var text = Text(http);
        return Results.Problem(title: text["Api.Problem.UnsupportedMediaType.Title"], detail: text["Api.Problem.UnsupportedMediaType.Detail", mediaType],
            statusCode: StatusCodes.Status415UnsupportedMediaType);
    }

    public static IResult NotFound(HttpContext http) => Problem(http, StatusCodes.Status404NotFound, "Api.Problem.NotFound");

    /// <summary>
    /// A refused command: not found or not allowed both answer 404; an idempotency key reused with other fields 422 (the
    /// request is well formed, but cannot be what the key stands for); an incubator that may not refer (suspended, closed)
    /// 403; rule and validation problems 400 with the fields.
    /// </summary>
    public static IResult Refused(HttpContext http, Outcome outcome)
    {
        if (outcome.Problems.Any(p => p.Code is "Rule.NotFound" or "Rule.NotAllowed"))
        {
            return NotFound(http);
        }

        if (outcome.Problems.Any(p => p.Code == ReferralService.KeyReusedCode))
        {
            return Problem(http, StatusCodes.Status422UnprocessableEntity, "Api.Problem.IdempotencyKeyReused");
        }

        var text = Text(http);
        if (outcome.Problems.FirstOrDefault(p => IncubatorStatusRules.IsReferralRefusal(p.Code)) is { } inactive)
        {
            // Nothing in the request can be corrected: the incubator itself may not refer now.
            return Results.Problem(title: text["Api.Problem.IncubatorInactive.Title"], detail: text[inactive.Code], statusCode: StatusCodes.Status403Forbidden);
        }

        var errors = outcome.Problems.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => (string)text[p.Code]).ToArray());
        return Results.ValidationProblem(errors, title: text["Api.Problem.Invalid.Title"], detail: text["Api.Problem.Invalid.Detail"]);
    }

    /// <summary>
    /// A request its endpoint could not bind (?page=abc, a date that is not one, a body that is missing or not JSON): 400 with the
    /// parameter named, in the caller's language, rather than the framework's bare 400. The framework names the
    /// parameter and its type only in the exception's message, so they are read from there.
    /// </summary>
    public static IResult Unbound(HttpContext http, BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json && MistypedField(json) is { } mistyped)
        {
            return Refused(http, Outcome.Refused(mistyped));
        }

        var message = exception.Message;
        var parameter = BoundParameter().Match(message);
        var (type, name) = (parameter.Groups["type"].Value, parameter.Groups["name"].Value);
        var problem = message switch
        {
            // "Implicit body inferred for parameter … but no body was provided", "Required parameter … was not provided from body"
            _ when message.Contains("no body was provided", StringComparison.Ordinal) || message.EndsWith("not provided from body.", StringComparison.Ordinal)
                => new Problem("Api.Problem.BodyRequired"),
            _ when message.Contains("was not provided", StringComparison.Ordinal) => new Problem("Validation.Required", name),
            _ when message.Contains("JSON", StringComparison.Ordinal) => new Problem("Api.Problem.BadJson", name),
            _ when type.Contains("Date", StringComparison.Ordinal) => new Problem("Validation.Date", name),
            _ => new Problem("Validation.Number", name),
        };
        return Refused(http, Outcome.Refused(problem));
    }

    /// <summary>
    /// A member of the body whose value has the wrong JSON type ("abc" for a number, 123 for a name): System.Text.Json says
    /// which member in the exception's Path ("$.plannedInvestmentWan") and which .NET type it wanted only in its message.
    /// Named as the caller wrote it; null when the body is not JSON at all.
    /// </summary>
    private static Problem? MistypedField(JsonException exception)
    {
        var wanted = ConvertedTo().Match(exception.Message);
        var member = exception.Path?.Split('.', '[').Last().Trim('\'', ']');
        if (!wanted.Success || string.IsNullOrEmpty(member) || member == "$")
        {
            return null;
        }

        var type = wanted.Groups["type"].Value;
        var code = type switch
        {
            _ when type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Int", StringComparison.Ordinal)
                || type.Contains("Double", StringComparison.Ordinal) => "Validation.Number",
            _ when type.Contains("Date", StringComparison.Ordinal) => "Validation.Date",
            _ when type.Contains("String", StringComparison.Ordinal) => "Api.Problem.Text",
            _ => "Api.Problem.BadJson",
        };
        return new Problem(code, member);
    }

    /// <summary>
    /// A field as the caller writes it: the services name the model's properties (EnterpriseName, Contact.Phone), the
    /// body and the query are camelCase (enterpriseName, pageSize), and a problem names what the caller sent.
    /// </summary>
    private static string JsonName(string? field) =>
        field is null ? "" : string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>The framework writes: Failed to bind parameter "Nullable&lt;int&gt; page" from "abc".</summary>
    [GeneratedRegex("parameter \"(?:(?<type>[^\"]*) )?(?<name>\\w+)\"")]
    private static partial Regex BoundParameter();

    /// <summary>System.Text.Json writes: The JSON value could not be converted to System.Nullable`1[System.Decimal]. Path: …</summary>
    [GeneratedRegex("could not be converted to (?<type>\\S+)")]
    private static partial Regex ConvertedTo();

    private static IStringLocalizer Text(HttpContext http) => http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
}
