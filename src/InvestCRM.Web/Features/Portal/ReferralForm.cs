using System.ComponentModel.DataAnnotations;
using InvestCRM.Features.Referrals;

namespace InvestCRM.Web.Features.Portal;

/// <summary>The portal's referral form; the service checks the same rules again (and is what counts).</summary>
public sealed class ReferralForm
{
    [Required(ErrorMessage = "Validation.Required")]
    public string EnterpriseName { get; set; } = "";
    public string? CreditCode { get; set; }
    public string? Industry { get; set; }
    public string? HqCity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    public string Seeks { get; set; } = "";
    public string? Description { get; set; }
    public decimal? PlannedInvestmentWan { get; set; }

    /// <summary>Drawn when the form is shown, so a second post of the same form (a double click, a resend) finds the first referral.</summary>
    public string? IdempotencyKey { get; set; }

    public ReferralInput ToInput() => new()
    {
        EnterpriseName = EnterpriseName, CreditCode = CreditCode, Industry = Industry, HqCity = HqCity, ContactName = ContactName,
        ContactPhone = ContactPhone, ContactEmail = ContactEmail, Seeks = Seeks, Description = Description, PlannedInvestmentWan = PlannedInvestmentWan,
    };
}
