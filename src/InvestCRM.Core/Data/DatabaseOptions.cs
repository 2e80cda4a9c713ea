using System.ComponentModel.DataAnnotations;

namespace InvestCRM.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, a relative Data Source is resolved under the app's data folder.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/investcrm.db";

    public const string SqliteMigrationsAssembly = "InvestCRM.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "InvestCRM.Migrations.Postgres";
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
