using InvestCRM.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace InvestCRM.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) => CrmDbContextFactory.Create(
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString },
        Path.GetTempPath());

    private const string ConnectionString = "Data Source=design-time.db";
}
