using System.Net;

namespace InvestCRM.Bench.Measuring;

/// <summary>One signed-in user: its own cookies, no automatic redirects (a redirect to the login page is a failure, not a page).</summary>
internal sealed class BenchClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Form fields (with antiforgery token) of the page each posting scenario fills in; read once per client.</summary>
    public Dictionary<string, (string? Action, Dictionary<string, string> Fields)> Forms { get; } = [];

    public async Task SignInAsync(string email, string password)
    {
        var page = await _http.GetStringAsync("/account/login");
        var form = HtmlForm.Find(page, "Input.Email", "Input.Password") ?? throw new InvalidOperationException("No login form on /account/login.");
        form.Fields["Input.Email"] = email;
        form.Fields["Input.Password"] = password;
        using var response = await PostAsync(form.Action ?? "/account/login", form.Fields);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("login", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>Reads a page's form once; null when the page or the form is missing (the scenario then reports failures).</summary>
    public async Task<bool> LoadFormAsync(string path, string[] requiredFields)
    {
        using var response = await _http.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        if (HtmlForm.Find(await response.Content.ReadAsStringAsync(), requiredFields) is not { } form)
        {
            return false;
        }

        Forms[path] = form;
        return true;
    }

    /// <summary>Reads the whole body, as a browser would, and answers whether the page was served.</summary>
    public async Task<int> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        return (int)response.StatusCode;
    }

    public async Task<int> PostFormAsync(string path, IDictionary<string, string> fields)
    {
        using var response = await PostAsync(path, fields);
        var body = await response.Content.ReadAsStringAsync();
        // Static forms answer an invalid post with the page again (200) and its errors: that is not a logged activity.
        var refused = response.IsSuccessStatusCode && (body.Contains("field-error\">", StringComparison.Ordinal) || body.Contains("alert-error", StringComparison.Ordinal));
        return refused ? 422 : (int)response.StatusCode;
    }

    private Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        _http.PostAsync(path, new FormUrlEncodedContent(fields));

    public void Dispose() => _http.Dispose();
}
