using InvestCRM.Features.Common;

namespace InvestCRM.Features.Referrals;

// What a partner (portal or API) may see, decided field by field. Everything not listed as "shown" never
// leaves the Core for a partner: these records are the only shapes partner-facing code receives.
//
// | source                        | field                                   | partner | why                                           |
// |-------------------------------|-----------------------------------------|---------|-----------------------------------------------|
// | Referral                      | Id, EnterpriseName, CreditCode, Industry, HqCity, Contact*, Seeks, Description, PlannedInvestmentWan | shown | what the partner submitted themselves |
// | Referral                      | Status, SubmittedAt, UpdatedAt          | shown   | the state of their own lead                   |
// | Referral                      | ReturnReason                            | shown only when Returned | written by staff for the partner |
// | Referral                      | EnterpriseId, DecidedById, SubmittedById, SubmittedByApiKeyId, IdempotencyKey | hidden | park's register and people |
// | Referral (Duplicate)          | which enterprise / project / owner      | hidden  | only "already followed by the park"           |
// | Project                       | stage name (zh/en), stage entered at    | shown   | "the stage as the park sees it"               |
// | Project                       | Id, Title, Notes, OwnerId, TeamId, ParkId, chain, Status, StatusReason, DropReason | hidden | staff working data |
// | Project                       | LandMu, PlannedInvestment/Output/Tax, Signed*, Expansion*, credit split | hidden | negotiations |
// | StageChange                   | target stage name, date (stage moves only) | shown | stage history                               |
// | StageChange                   | UserId, UserName, Note, DropReason, status changes | hidden | who moved it and why is internal  |
// | ReferralUpdate                | Text, At, FromPartner                   | shown   | the conversation on their lead                |
// | ReferralUpdate                | AuthorName                              | shown only for partner authors | staff names stay inside the park |
// | Attachment (own incubator)    | Id, FileName, Size, UploadedAt          | shown   | StoragePath, Sha256, uploader id are not      |
// | Enterprise, Contact, Activity, AuditEntry | everything                  | hidden  | filtered out by the DbContext as well         |

/// <summary>One of the partner's referrals in a list.</summary>
public sealed record PartnerReferral(
    int Id, string EnterpriseName, ReferralStatus Status, string? StageNameZh, string? StageNameEn,
    DateTimeOffset SubmittedAt, DateTimeOffset ChangedAt);

/// <summary>One referral as its partner sees it.</summary>
public sealed record PartnerReferralDetail(
    int Id, string EnterpriseName, string? CreditCode, string? Industry, string? HqCity,
    string? ContactName, string? ContactPhone, string? ContactEmail, string Seeks, string? Description,
    decimal? PlannedInvestmentWan, ReferralStatus Status, string? ReturnReason,
    string? StageNameZh, string? StageNameEn, DateTimeOffset? StageEnteredAt,
    DateTimeOffset SubmittedAt, DateTimeOffset ChangedAt,
    IReadOnlyList<PartnerUpdate> Updates, IReadOnlyList<PartnerAttachment> Attachments);

public sealed record PartnerUpdate(long Id, string Text, bool FromPartner, string? AuthorName, DateTimeOffset At);

public sealed record PartnerAttachment(long Id, string FileName, long Size, DateTimeOffset UploadedAt);

/// <summary>A stage the referral's project entered, and when.</summary>
public sealed record PartnerStage(string StageNameZh, string StageNameEn, DateTimeOffset At);

public sealed record ReferralQuery(string? Stage = null, DateTimeOffset? ChangedSince = null, int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 100;

    /// <summary>A page from 1 and a page size from 1 to <see cref="MaxPageSize"/>, named as the API's query parameters.</summary>
    public IEnumerable<Problem> Check()
    {
        if (Page < 1)
        {
            yield return new Problem("Api.Problem.Page", "page");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            yield return new Problem("Api.Problem.PageSize", "pageSize");
        }
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
