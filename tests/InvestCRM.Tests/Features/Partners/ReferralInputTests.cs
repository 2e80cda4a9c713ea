using InvestCRM.Features.Referrals;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>A referral's contact is checked as every other contact in the app is (ContactFormats).</summary>
public sealed class ReferralInputTests
{
    [Theory]
    [InlineData("hello world <b>", null, "Validation.Phone:ContactPhone")]
    [InlineData("1234", null, "Validation.Phone:ContactPhone")]
    [InlineData(null, "a@b", "Validation.Email:ContactEmail")]
    [InlineData(null, "张经理 <zhang@xm.cn>", "Validation.Email:ContactEmail")]
    [InlineData("+86 138-0059-0000", "zhang@xm-incubator.cn", null)]
    [InlineData("(0592) 5551234", null, null)]
    public void A_referrals_contact_phone_and_email_must_look_like_one(string? phone, string? email, string? problem)
    {
        var input = new ReferralInput { EnterpriseName = "厦门芯片设计有限公司", Seeks = "厂房", ContactPhone = phone, ContactEmail = email };

        Assert.Equal(problem is null ? [] : [problem], input.Check().Select(p => $"{p.Code}:{p.Field}"));
    }
}
