using System.Globalization;
using System.Net;
using InvestCRM.Features.Common;
using InvestCRM.Features.Demo;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Reporting;

/// <summary>Every report's download is named by the minute it was made in the park's time, whatever the server's zone.</summary>
public abstract class ExportNameTests(CrmApp app) : AppTests(app)
{
    [Theory]
    [InlineData("/projects/export", "Projects.ExportFile")]
    [InlineData("/enterprises/export", "Enterprise.ExportFile")]
    [InlineData("/funnel/export", "Funnel.ExportFile")]
    [InlineData("/dashboard/export", "Dashboard.ExportFile")]
    [InlineData("/tracks/export", "Track.ExportFile")]
    public async Task A_download_is_stamped_in_china_time(string url, string title)
    {
        using var session = await App.SignedInSessionAsync(DemoAccounts.Manager, DemoAccounts.Password);
        var before = ChinaTime.Clock.GetLocalNow();

        using var response = await session.GetAsync(url);
        var after = ChinaTime.Clock.GetLocalNow();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar;
        string Stamp(DateTimeOffset at) => $"{UiText.Chinese(title)}-{at.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.xlsx";
        Assert.Contains(name, new[] { Stamp(before), Stamp(after) });
    }

    public sealed class Sqlite(SqliteApp app) : ExportNameTests(app), IClassFixture<SqliteApp>;

    public sealed class Postgres(PostgresApp app) : ExportNameTests(app), IClassFixture<PostgresApp>;
}
