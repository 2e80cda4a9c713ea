using InvestCRM.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace InvestCRM.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) => CrmDbContextFactory.Create(
        new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = ConnectionString },
        Path.GetTempPath());

    private const string ConnectionString = "Host=127.0.0.1;Database=investcrm_design;Username=postgres";
}
