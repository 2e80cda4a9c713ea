using InvestCRM.Data;
using InvestCRM.Features.Auditing;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Auditing;

/// <summary>Every id an audited record writes to its trail is shown as the name of the record it refers to.</summary>
public sealed class AuditReferencesTests
{
    [Fact]
    public void Every_id_an_audited_record_holds_names_a_record_the_trail_can_name()
    {
        using var db = CrmDbContextFactory.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" }, Path.GetTempPath());

        var unnamed = db.Model.GetEntityTypes().Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType))
            .SelectMany(e => e.GetProperties().Where(AuditRecorder.IsRecorded).Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal))
                .Where(p => AuditReferences.Principal(e, p.Name) is null && AuditScopedReference.Of(e.ClrType).All(r => r.Field != p.Name))
                .Select(p => $"{e.ClrType.Name}.{p.Name}"))
            .ToList();

        Assert.True(unnamed.Count == 0, "Shown by id: " + string.Join(", ", unnamed));
    }
}
