using InvestCRM.Features.Enterprises;

namespace InvestCRM.Tests.Features.Enterprises;

public class CreditCodeTests
{
    [Theory]
    [InlineData("91350200MA2XY1000")]
    [InlineData("12100000400000000")]
    [InlineData("5135040000000001A")]
    [InlineData("Y1350403MA31234BC")]
    public void A_code_made_with_its_check_character_is_valid(string body)
    {
        var code = body + CreditCode.CheckCharacter(body);

        Assert.True(CreditCode.IsValid(code));
    }

    // Published codes of well-known firms, checked by hand with the GB 32100-2015 weights. For 华为技术有限公司
    // 914403001922038216: 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8
    // + 3·24 + 8·10 + 2·30 + 1·28 = 831; 831 mod 31 = 25; 31 − 25 = 6, the character with value 6 is '6'.
    [Theory]
    [InlineData("914403001922038216")] // 华为技术有限公司
    [InlineData("91440300708461136T")] // 深圳市腾讯计算机系统有限公司
    [InlineData("91110108551385082Q")] // 小米科技有限责任公司
    public void Published_codes_are_valid(string code) => Assert.True(CreditCode.IsValid(code));

    [Fact]
    public void A_wrong_check_character_is_invalid()
    {
        var body = "91350200MA2XY1000";
        var right = CreditCode.CheckCharacter(body);
        var wrong = right == '0' ? '1' : '0';

        Assert.False(CreditCode.IsValid(body + wrong));
        Assert.False(CreditCode.IsValid("914403001922038217"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("91440300708461136")]
    [InlineData("91440300708461136TT")]
    public void A_code_of_the_wrong_length_is_invalid(string code) => Assert.False(CreditCode.IsValid(code));

    [Fact]
    public void Null_is_invalid() => Assert.False(CreditCode.IsValid(null));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void Forbidden_letters_are_invalid_anywhere(char letter)
    {
        var code = "9144030070846113" + letter + "T";

        Assert.False(CreditCode.IsValid(code));
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("9144030070846113" + letter));
    }

    [Fact]
    public void Lower_case_is_normalised_to_a_valid_code()
    {
        Assert.False(CreditCode.IsValid("91440300708461136t"));
        Assert.Equal("91440300708461136T", CreditCode.Normalize("91440300708461136t"));
        Assert.True(CreditCode.IsValid(CreditCode.Normalize("91440300708461136t")));
    }

    [Fact]
    public void Spaces_are_removed_by_normalising()
    {
        var typed = " 9144 0300 7084 6113 6T ";

        Assert.False(CreditCode.IsValid(typed));
        Assert.True(CreditCode.IsValid(CreditCode.Normalize(typed)));
    }

    [Fact]
    public void CheckCharacter_rejects_a_body_of_the_wrong_length() =>
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("9144030070846113"));
}
