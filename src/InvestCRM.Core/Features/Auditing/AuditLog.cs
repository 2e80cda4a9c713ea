using System.Globalization;
using System.Text.Json;
using InvestCRM.Data;
using InvestCRM.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestCRM.Features.Auditing;

/// <summary>
/// One field of a change. <paramref name="EnumType"/> names the enum the values come from, <paramref name="IsYesNo"/>
/// marks a bool, <paramref name="IsInstant"/> a point in time and <paramref name="IsDay"/> a day (as yyyy-MM-dd), so the
/// UI can show them in the user's language and time zone. References to other records (a user, an enterprise, a stage)
/// arrive as the record's name.
/// </summary>
public sealed record AuditFieldChange(string Field, string? Old, string? New, string? EnumType = null, bool IsYesNo = false, bool IsInstant = false, bool IsDay = false);

/// <summary>One entry of a trail; <paramref name="UserName"/> is null for changes made by the system (start-up, seeding, jobs).</summary>
public sealed record AuditView(DateTimeOffset At, string? UserName, AuditAction Action, IReadOnlyList<AuditFieldChange> Changes, string? Note);

/// <summary>Reads the audit trail of one record, newest first.</summary>
public sealed class AuditLog(CrmDbContext db)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>In English (<paramref name="english"/>) referenced records are named by their English names where they have them.</summary>
    public async Task<IReadOnlyList<AuditView>> ForAsync(string entityType, string entityId, int take = 200, bool english = false, CancellationToken ct = default)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            // Entries are append-only, so the id orders them by time (SQLite cannot ORDER BY a DateTimeOffset).
            .OrderByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(ct);
        var entity = db.Model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == entityType);
        // The system's changes are stored with no user id and CurrentUser.System's name, "system", which is no word to show.
        var views = rows.Select(a => new AuditView(a.At, a.UserId is null ? null : a.UserName, a.Action,
            (JsonSerializer.Deserialize<List<AuditFieldChange>>(a.Changes, Json) ?? []).Select(c => Typed(c, entity)).ToList(), a.Note)).ToList();
        if (entity is null)
        {
            return views;
        }

        views = await NamedAsync(views, entity, english, ct);
        foreach (var reference in AuditScopedReference.Of(entity.ClrType))
        {
            views = await ScopedNamedAsync(views, reference, english, ct);
        }

        return views;
    }

    private static AuditFieldChange Typed(AuditFieldChange change, IEntityType? entity)
    {
        var type = entity?.FindProperty(change.Field)?.ClrType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        change = change with { EnumType = type is { IsEnum: true } ? type.Name : null, IsYesNo = type == typeof(bool), IsInstant = type == typeof(DateTimeOffset) };
        return type == typeof(DateOnly) ? change with { IsDay = true, Old = Day(change.Old), New = Day(change.New) }
            : type == typeof(decimal) ? change with { Old = Number(change.Old), New = Number(change.New) }
            : change;
    }

    // Amounts were first written with the scale the database gave them ("80000.0"); rows of then and now read alike.
    private static string? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? Decimals.Trimmed(number).ToString(CultureInfo.InvariantCulture)
            : value;

    // Days were first written in the invariant culture's MM/dd/yyyy; rows of then and now read alike.
    private static readonly string[] DayFormats = [AuditRecorder.DayFormat, "MM/dd/yyyy"];

    private static string? Day(string? value) =>
        DateOnly.TryParseExact(value, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString(AuditRecorder.DayFormat, CultureInfo.InvariantCulture)
            : value;

    /// <summary>
    /// Replaces the ids of referenced records by their names ("王招商", "三明氟新材料有限公司 (#203)"): one query per
    /// referenced table for the whole trail. The names are read as they are now; the audit row keeps the id.
    /// </summary>
    private async Task<List<AuditView>> NamedAsync(List<AuditView> views, IEntityType entity, bool english, CancellationToken ct)
    {
        var references = views.SelectMany(v => v.Changes).Select(c => c.Field).Distinct()
            .Select(field => (field, principal: AuditReferences.Principal(entity, field))).Where(r => r.principal is not null).ToList();
        var names = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var (field, principal) in references)
        {
            var ids = views.SelectMany(v => v.Changes).Where(c => c.Field == field).SelectMany(c => new[] { c.Old, c.New })
                .OfType<string>().Distinct().ToList();
            names[field] = await AuditNames.ReadAsync(db, principal!, ids, english, ct);
        }

        return names.Count == 0 ? views : views.Select(v => v with
        {
            Changes = v.Changes.Select(c => names.TryGetValue(c.Field, out var map)
                ? c with { Old = Named(map, c.Old), New = Named(map, c.New) }
                : c).ToList(),
        }).ToList();
    }

    /// <summary>
    /// Names the ids a scoped reference holds, each by the scope in force at its change. The trail gives that scope,
    /// read oldest first: the change's own scope field when the scope changed with it; otherwise the scope the trail
    /// last set (none at creation when the creation lists none). An id whose scope the rows read do not reach keeps
    /// its id. One query per table named.
    /// </summary>
    private async Task<List<AuditView>> ScopedNamedAsync(List<AuditView> views, AuditScopedReference reference, bool english, CancellationToken ct)
    {
        var scopes = new (string? Old, string? New)?[views.Count];
        (bool Known, string? Value) current = (false, null);
        for (var i = views.Count - 1; i >= 0; i--)
        {
            if (views[i].Changes.FirstOrDefault(c => c.Field == reference.ScopeField) is { } scope)
            {
                scopes[i] = (scope.Old, scope.New);
                current = (true, scope.New);
            }
            else if (views[i].Action == AuditAction.Created)
            {
                scopes[i] = (null, null);
                current = (true, null);
            }
            else
            {
                scopes[i] = current.Known ? (current.Value, current.Value) : null;
            }
        }

        var wanted = views.SelectMany((v, i) => v.Changes.Where(c => c.Field == reference.Field && scopes[i] is not null)
                .SelectMany(c => new[] { (Scope: scopes[i]!.Value.Old, Id: c.Old), (Scope: scopes[i]!.Value.New, Id: c.New) }))
            .Where(x => x is { Scope: not null, Id: not null } && reference.Tables.ContainsKey(x.Scope))
            .GroupBy(x => x.Scope!, x => x.Id!);
        var names = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var scope in wanted)
        {
            if (db.Model.FindEntityType(reference.Tables[scope.Key]) is { } table && AuditNames.NameColumn(table) is not null)
            {
                names[scope.Key] = await AuditNames.ReadAsync(db, table, scope.Distinct().ToList(), english, ct);
            }
        }

        string? NameOf(string? scope, string? id) =>
            id is not null && scope is not null && names.TryGetValue(scope, out var map) ? Named(map, id) : id;

        return views.Select((v, i) => scopes[i] is not { } at ? v : v with
        {
            Changes = v.Changes.Select(c => c.Field == reference.Field ? c with { Old = NameOf(at.Old, c.Old), New = NameOf(at.New, c.New) } : c).ToList(),
        }).ToList();
    }

    private static string? Named(IReadOnlyDictionary<string, string> names, string? id) =>
        id is null ? null : names.TryGetValue(id, out var name) ? name : "#" + id;
}
