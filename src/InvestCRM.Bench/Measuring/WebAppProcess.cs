using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InvestCRM.Bench.Loading;

namespace InvestCRM.Bench.Measuring;

/// <summary>
/// The real app as a child process on the loaded database: environment "Benchmark" (not Production, whose guard
/// refuses the known demo password; not Development, whose extras would distort timings), demo loading off.
/// </summary>
internal sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private WebAppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<WebAppProcess> StartAsync(BenchDatabase db, string webDll)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = ContentRoot(webDll), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["Database__Provider"] = db.Provider.ToString();
        start.Environment["Database__ConnectionString"] = db.ConnectionString;
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Security__RequireAdminTwoFactor"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var app = new WebAppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        app.Capture(app._process.StandardOutput);
        app.Capture(app._process.StandardError);
        await app.WaitUntilHealthyAsync();
        return app;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        throw new InvalidOperationException("The app did not become healthy:\n" + string.Join("\n", _output.TakeLast(30)));
    }

    private void Capture(StreamReader reader) => _ = Task.Run(async () =>
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    });

    /// <summary>The project folder (it holds wwwroot) when the app runs from its build output, else the output folder.</summary>
    private static string ContentRoot(string webDll)
    {
        var project = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(webDll)!, "..", "..", ".."));
        return File.Exists(Path.Combine(project, "InvestCRM.Web.csproj")) ? project : Path.GetDirectoryName(webDll)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
