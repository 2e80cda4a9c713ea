using System.Globalization;

namespace InvestCRM.Data;

/// <summary>
/// SQLite keeps DateTimeOffset as text and EF refuses to compare or order it there. Every time the CRM
/// writes is UTC, so in that text form (EF's own format) string order is time order: SQLite queries
/// compare <c>x.ToString()</c> (CAST AS TEXT) with <see cref="Of"/>; PostgreSQL compares natively.
/// </summary>
public static class TimeText
{
    public static string Of(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
