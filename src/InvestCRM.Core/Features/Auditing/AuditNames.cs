using System.Data.Common;
using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestCRM.Features.Auditing;

/// <summary>Names of referenced records for the audit trail, read by key with the table and column names from the model.</summary>
internal static class AuditNames
{
    // The column that names a record, in order of preference; records without one are shown by id.
    private static readonly string[] NameProperties = ["DisplayName", "Title", "Name", "NameZh"];

    public static IProperty? NameColumn(IEntityType type) =>
        type.FindPrimaryKey() is { Properties.Count: 1 }
            ? NameProperties.Select(type.FindProperty).FirstOrDefault(p => p is not null && p.ClrType == typeof(string))
            : null;

    /// <summary>id → "name" for records named by a title or display name, "name (#id)" for the rest (names repeat).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(CrmDbContext db, IEntityType type, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var result = new Dictionary<string, string>();
        var key = type.FindPrimaryKey()!.Properties[0];
        var name = NameColumn(type)!;
        var table = type.GetTableName()!;
        var keys = ids.Select(id => Parse(id, key.ClrType)).Where(k => k is not null).Take(500).ToList();
        if (keys.Count == 0)
        {
            return result;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            var column = StoreObjectIdentifier.Table(table, type.GetSchema());
            var parameters = keys.Select((k, i) => Parameter(command, "@k" + i, k!)).ToList();
            command.Parameters.AddRange(parameters.ToArray());
            command.CommandText = $"""SELECT "{key.GetColumnName(column)}", "{name.GetColumnName(column)}" FROM "{table}" WHERE "{key.GetColumnName(column)}" IN ({string.Join(", ", parameters.Select(p => p.ParameterName))})""";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!;
                var text = reader.IsDBNull(1) ? "" : reader.GetString(1);
                result[id] = name.Name is "DisplayName" ? text : $"{text} (#{id})";
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    private static object? Parse(string id, Type type) =>
        type == typeof(int) ? (int.TryParse(id, out var i) ? i : null)
        : type == typeof(long) ? (long.TryParse(id, out var l) ? l : null)
        : type == typeof(string) ? id
        : null;

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }
}
