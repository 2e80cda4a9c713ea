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

    /// <summary>The English name of a record named in both languages (a park, a chain, a stage), where it has one.</summary>
    private static IProperty? EnglishColumn(IEntityType type) => type.FindProperty("NameEn") is { } en && en.ClrType == typeof(string) ? en : null;

    /// <summary>
    /// id → "name" for records named by a title or display name, "name (#id)" for the rest (names repeat). In English a
    /// record's English name, when it has one.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(CrmDbContext db, IEntityType type, IReadOnlyList<string> ids, bool english, CancellationToken ct)
    {
        var result = new Dictionary<string, string>();
        var key = type.FindPrimaryKey()!.Properties[0];
        var name = NameColumn(type)!;
        var englishName = english ? EnglishColumn(type) : null;
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
            var read = new[] { key, name, englishName }.OfType<IProperty>().Select(p => $"\"{p.GetColumnName(column)}\"");
            command.CommandText = $"""SELECT {string.Join(", ", read)} FROM "{table}" WHERE "{key.GetColumnName(column)}" IN ({string.Join(", ", parameters.Select(p => p.ParameterName))})""";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!;
                var text = englishName is not null && !string.IsNullOrWhiteSpace(Text(reader, 2)) ? Text(reader, 2) : Text(reader, 1);
                result[id] = name.Name is "DisplayName" ? text : $"{text} (#{id})";
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    private static string Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? "" : reader.GetString(column);

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
