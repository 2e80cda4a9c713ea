using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InvestCRM.Tests.Fixtures;

/// <summary>
/// One browser-like visitor: keeps cookies, does not follow redirects (tests assert them), and posts
/// forms with the antiforgery token of the page the form is on, as a browser would.
/// </summary>
public sealed partial class WebSession(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url, TestContext.Current.CancellationToken);

    /// <summary>GET that must answer 200; returns the HTML with entities decoded, so tests can look for visible text.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await ReadTextAsync(response);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IReadOnlyDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await TokenAsync(pageUrl) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token of a page the session can open, for posting as the page's forms or scripts would.</summary>
    public async Task<string> TokenAsync(string pageUrl)
    {
        var token = AntiforgeryToken().Match(await GetPageAsync(pageUrl));
        Assert.True(token.Success, $"{pageUrl} has no antiforgery token.");
        return token.Groups[1].Value;
    }

    /// <summary>Posts a Blazor form that posts back to its own page; <paramref name="formName"/> is its FormName.</summary>
    public Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, string formName, IReadOnlyDictionary<string, string> fields) =>
        SubmitAsync(pageUrl, pageUrl, new Dictionary<string, string>(fields) { ["_handler"] = formName });

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        SubmitFormAsync("/account/login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Signs in and checks that the login page let the user through.</summary>
    public async Task SignInAsync(string email, string password)
    {
        using var response = await LoginAsync(email, password);
        var body = await ReadTextAsync(response);
        Assert.True(IsRedirect(response), $"Sign-in of {email} answered {(int)response.StatusCode}: {body}");
    }

    public static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    /// <summary>Where a redirect points, as a path and query, whether the app wrote it absolute or relative.</summary>
    public static string? RedirectTarget(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } uri => uri.PathAndQuery,
        var uri => uri.OriginalString,
    };

    public static async Task<string> ReadTextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public static class WebSessionExtensions
{
    public static WebSession NewSession(this WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<WebSession> SignedInSessionAsync(this WebApplicationFactory<Program> app, string email, string password)
    {
        var session = app.NewSession();
        await session.SignInAsync(email, password);
        return session;
    }
}
