using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;

namespace InvestCRM.Features.Referrals;

/// <summary>A new lead as the portal form or the API sends it.</summary>
public sealed record ReferralInput
{
    public string EnterpriseName { get; init; } = "";
    public string? CreditCode { get; init; }
    public string? Industry { get; init; }
    public string? HqCity { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public string Seeks { get; init; } = "";
    public string? Description { get; init; }
    public decimal? PlannedInvestmentWan { get; init; }

    public IEnumerable<Problem> Check()
    {
        foreach (var problem in Required(nameof(EnterpriseName), EnterpriseName, 200).Concat(Required(nameof(Seeks), Seeks, 2000)))
        {
            yield return problem;
        }

        foreach (var (field, value, max) in Optional())
        {
            if (value is { Length: > 0 } text && text.Trim().Length > max)
            {
                yield return new Problem("Validation.TooLong", field);
            }
        }

        if (!string.IsNullOrWhiteSpace(CreditCode) && !Enterprises.CreditCode.IsValid(Enterprises.CreditCode.Normalize(CreditCode)))
        {
            yield return new Problem("Rule.CreditCodeInvalid", nameof(CreditCode));
        }

        if (!string.IsNullOrWhiteSpace(ContactPhone) && !ContactFormats.IsPhone(ContactPhone.Trim()))
        {
            yield return new Problem("Validation.Phone", nameof(ContactPhone));
        }

        if (!string.IsNullOrWhiteSpace(ContactEmail) && !ContactFormats.IsEmail(ContactEmail.Trim()))
        {
            yield return new Problem("Validation.Email", nameof(ContactEmail));
        }

        if (PlannedInvestmentWan is < 0 or > 100_000_000m)
        {
            yield return new Problem("Validation.Range", nameof(PlannedInvestmentWan));
        }
    }

    private static IEnumerable<Problem> Required(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new Problem("Validation.Required", field);
        }
        else if (value.Trim().Length > max)
        {
            yield return new Problem("Validation.TooLong", field);
        }
    }

    private IEnumerable<(string, string?, int)> Optional() =>
    [
        (nameof(Industry), Industry, 100), (nameof(HqCity), HqCity, 50), (nameof(ContactName), ContactName, 100),
        (nameof(ContactPhone), ContactPhone, 40), (nameof(ContactEmail), ContactEmail, 200), (nameof(Description), Description, 4000),
    ];

    /// <summary>The referral as submitted by a portal user or, when <paramref name="apiKeyId"/> is set, by a partner system.</summary>
    public Referral ToReferral(int incubatorId, string? submittedById, int? apiKeyId, string? idempotencyKey, DateTimeOffset now) => new()
    {
        IncubatorId = incubatorId, EnterpriseName = EnterpriseName.Trim(), Seeks = Seeks.Trim(),
        CreditCode = string.IsNullOrWhiteSpace(CreditCode) ? null : Enterprises.CreditCode.Normalize(CreditCode),
        Industry = Clean(Industry), HqCity = Clean(HqCity), ContactName = Clean(ContactName), ContactPhone = Clean(ContactPhone),
        ContactEmail = Clean(ContactEmail), Description = Clean(Description), PlannedInvestmentWan = PlannedInvestmentWan,
        IdempotencyKey = idempotencyKey, SubmittedById = apiKeyId is null ? submittedById : null, SubmittedByApiKeyId = apiKeyId, SubmittedAt = now, UpdatedAt = now,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
