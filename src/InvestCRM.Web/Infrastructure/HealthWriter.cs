using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InvestCRM.Web.Infrastructure;

/// <summary>Status per check and nothing more: no exception text or connection details leave the server.</summary>
internal static class HealthWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
