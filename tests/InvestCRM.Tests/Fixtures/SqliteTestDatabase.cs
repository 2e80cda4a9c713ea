using InvestCRM.Data;
using Microsoft.Data.Sqlite;

namespace InvestCRM.Tests.Fixtures;

/// <summary>A database file under the temp folder; a file rather than :memory: so WAL and pooling behave as in production.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path;

    private SqliteTestDatabase(string path) => _path = path;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={_path}";

    public static SqliteTestDatabase Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "investcrm-tests");
        Directory.CreateDirectory(folder);
        return new SqliteTestDatabase(Path.Combine(folder, $"{Guid.NewGuid():N}.db"));
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; clearing only closes idle ones, so other tests are unaffected.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
