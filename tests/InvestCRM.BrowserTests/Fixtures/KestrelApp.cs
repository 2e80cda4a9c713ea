using System.Net;
using InvestCRM.Data;
using InvestCRM.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace InvestCRM.BrowserTests.Fixtures;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a free port, so a real browser can reach it; otherwise the
/// same fixture as the integration tests (temp SQLite database, demo plan loaded at start-up).
/// </summary>
public sealed class KestrelApp : CrmApp
{
    public KestrelApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41237.</summary>
    public Uri BaseUrl => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
