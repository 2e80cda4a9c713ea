namespace InvestCRM.Features.Common;

/// <summary>A row offered in a select list.</summary>
public sealed record Choice(int Id, string Name, string? NameEn = null);
