namespace InvestCRM.Web.Features.Referrals;

/// <summary>An update as the conversation shows it; the author is null where the viewer may not see it.</summary>
public sealed record UpdateLine(string Text, bool FromPartner, string? AuthorName, DateTimeOffset At);
