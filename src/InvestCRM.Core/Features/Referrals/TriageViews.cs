namespace InvestCRM.Features.Referrals;

/// <summary>A referral in the staff triage list.</summary>
public sealed record TriageRow(int Id, string EnterpriseName, string IncubatorName, ReferralStatus Status, DateTimeOffset SubmittedAt, Submitter SubmittedBy);

/// <summary>A referral as staff see it, with the enterprises it may duplicate.</summary>
public sealed record TriageDetail(
    int Id, int IncubatorId, string IncubatorName, string EnterpriseName, string? CreditCode, string? Industry, string? HqCity,
    string? ContactName, string? ContactPhone, string? ContactEmail, string Seeks, string? Description, decimal? PlannedInvestmentWan,
    ReferralStatus Status, string? ReturnReason, int? ProjectId, int? EnterpriseId, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt,
    IReadOnlyList<EnterpriseMatch> Matches, IReadOnlyList<TriageUpdate> Updates, IReadOnlyList<PartnerAttachment> Attachments)
{
    public Submitter SubmittedBy { get; init; } = new(null, null);
}

/// <summary>Who submitted a referral: a partner user by name, or a partner system by its API key's prefix.</summary>
public sealed record Submitter(string? UserName, string? ApiKeyPrefix);

/// <summary>An enterprise already in the register with the same credit code or normalised name.</summary>
public sealed record EnterpriseMatch(int Id, string Name, string? CreditCode, bool SameCreditCode);

public sealed record TriageUpdate(string Text, bool FromPartner, string? AuthorName, DateTimeOffset At);

public sealed record LabeledChoice(string Value, string Label);

/// <summary>How staff accept: link an existing enterprise or create a new one, and who follows the project.</summary>
public sealed record AcceptInput
{
    public int? LinkEnterpriseId { get; init; }

    /// <summary>Staff looked at the matches and confirm this is a different firm.</summary>
    public bool CreateNew { get; init; }
    public string? OwnerId { get; init; }
    public int? TeamId { get; init; }
}
