using InvestCRM.Data;
using InvestCRM.Tests.Fixtures;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>The app with its attachments in a folder of its own, so tests can count the files it stored.</summary>
public abstract class PartnerApp : CrmApp
{
    public string AttachmentFolder { get; } = Path.Combine(Path.GetTempPath(), "investcrm-attachments", Guid.NewGuid().ToString("N"));

    protected virtual int FailedKeysPerMinute => 1000;

    protected virtual int RequestsPerMinute => 10_000;

    protected override Dictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Attachments:Path"] = AttachmentFolder;
            settings["PartnerApi:FailedKeysPerMinute"] = FailedKeysPerMinute.ToString();
            settings["PartnerApi:RequestsPerMinute"] = RequestsPerMinute.ToString();
            return settings;
        }
    }

    public int StoredFileCount() => Directory.Exists(AttachmentFolder) ? Directory.GetFiles(AttachmentFolder, "*", SearchOption.AllDirectories).Length : 0;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(AttachmentFolder))
        {
            Directory.Delete(AttachmentFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class PartnerSqliteApp : PartnerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PartnerPostgresApp : PartnerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Tight limits, for the rate-limit tests only (a class fixture of their own, so no other test trips them).</summary>
public abstract class LimitedPartnerApp : PartnerApp
{
    public const int FailedLimit = 3;
    public const int RequestLimit = 5;

    protected override int FailedKeysPerMinute => FailedLimit;

    protected override int RequestsPerMinute => RequestLimit;
}

public sealed class LimitedSqliteApp : LimitedPartnerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class LimitedPostgresApp : LimitedPartnerApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
