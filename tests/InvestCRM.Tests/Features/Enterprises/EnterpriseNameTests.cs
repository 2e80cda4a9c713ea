using InvestCRM.Features.Enterprises;

namespace InvestCRM.Tests.Features.Enterprises;

public class EnterpriseNameTests
{
    [Theory]
    [InlineData("厦门厦钨新能源材料股份有限公司")]
    [InlineData("厦门厦钨新能源材料有限公司")]
    [InlineData("厦门厦钨新能源材料有限责任公司")]
    [InlineData("厦门厦钨新能源材料(北京)有限公司")]
    [InlineData("厦门厦钨新能源材料（北京）有限公司")]
    [InlineData("厦门厦钨新能源材料股份有限公司（福建）")]
    [InlineData("厦门厦钨·新能源材料 有限公司")]
    [InlineData("厦门厦钨新能源材料集团股份有限公司")]
    [InlineData("  厦门厦钨新能源材料公司 ")]
    public void Legal_forms_regions_and_punctuation_do_not_matter(string variant) =>
        Assert.Equal(EnterpriseName.Normalize("厦门厦钨新能源材料"), EnterpriseName.Normalize(variant));

    [Theory]
    [InlineData("Sanming Fluorine Materials Co., Ltd.")]
    [InlineData("SANMING FLUORINE MATERIALS CO LTD")]
    [InlineData("Sanming Fluorine Materials Company Limited")]
    [InlineData("Sanming Fluorine Materials Corp.")]
    [InlineData("Sanming Fluorine Materials (China) Co., Ltd.")]
    [InlineData("Ｓａｎｍｉｎｇ　Ｆｌｕｏｒｉｎｅ　Ｍａｔｅｒｉａｌｓ　Ｃｏ．，Ｌｔｄ．")]
    public void English_legal_forms_and_full_width_letters_do_not_matter(string variant) =>
        Assert.Equal("sanmingfluorinematerials", EnterpriseName.Normalize(variant));

    [Theory]
    [InlineData("厦门厦钨新能源材料股份有限公司", "厦门钨业股份有限公司")]
    [InlineData("福建三明氟化工有限公司", "福建三明氟材料有限公司")]
    [InlineData("宁德时代新能源科技股份有限公司", "时代新能源科技股份有限公司")]
    public void Different_firms_stay_different(string one, string other) =>
        Assert.NotEqual(EnterpriseName.Normalize(one), EnterpriseName.Normalize(other));

    [Fact]
    public void Full_width_digits_equal_ascii_digits() =>
        Assert.Equal(EnterpriseName.Normalize("三明第１化工有限公司"), EnterpriseName.Normalize("三明第1化工有限公司"));
}
