namespace InvestCRM.Features.Common;

/// <summary>Decimals as people write them.</summary>
public static class Decimals
{
    /// <summary>
    /// The same value without trailing zeros (80000.0 → 80000, 1.50 → 1.5). A database hands a decimal back with its
    /// column's scale (SQLite's text "80000.0", PostgreSQL's numeric(18,2)), which would otherwise show in forms and trails.
    /// </summary>
    public static decimal Trimmed(decimal value) => value / 1.000000000000000000000000000000000m;
}
