using InvestCRM.Features.Auditing;

namespace InvestCRM.Features.Referrals;

/// <summary>
/// A lead an offshore incubator refers to the park. It waits for triage: staff accept it (it becomes a
/// project with an owner), return it with a reason, or mark it a duplicate of an enterprise already followed.
/// </summary>
public class Referral : IAudited
{
    public int Id { get; set; }
    public int IncubatorId { get; set; }
    public required string EnterpriseName { get; set; }
    public string? CreditCode { get; set; }
    public string? Industry { get; set; }
    public string? HqCity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>What the enterprise seeks from the park (land, funding, talent, market…).</summary>
    public required string Seeks { get; set; }
    public string? Description { get; set; }
    public decimal? PlannedInvestmentWan { get; set; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Pending;

    /// <summary>Shown to the partner when returned; written by staff for the partner's eyes.</summary>
    public string? ReturnReason { get; set; }
    public int? ProjectId { get; set; }
    public int? EnterpriseId { get; set; }

    /// <summary>Set by API clients so that a retried POST never creates a second referral.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The partner user who submitted it in the portal; null when a partner system submitted it with an API key.</summary>
    public string? SubmittedById { get; set; }

    /// <summary>The API key a partner system submitted it with; exactly one of this and <see cref="SubmittedById"/> is set.</summary>
    public int? SubmittedByApiKeyId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public enum ReferralStatus
{
    Pending,
    Accepted,
    Returned,
    Duplicate,
}

/// <summary>An update on a referral or its project, written by the partner or by staff for the partner.</summary>
public class ReferralUpdate
{
    public long Id { get; set; }
    public int ReferralId { get; set; }

    /// <summary>Copied from the referral so the partner scope can narrow updates without a join.</summary>
    public int IncubatorId { get; set; }
    public required string Text { get; set; }
    public bool FromPartner { get; set; }
    public required string AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public DateTimeOffset At { get; set; }
}
