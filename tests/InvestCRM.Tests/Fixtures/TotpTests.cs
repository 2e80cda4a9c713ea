namespace InvestCRM.Tests.Fixtures;

/// <summary>The helper must be right before a 2FA test can trust it: vectors from RFC 6238, appendix B (SHA-1).</summary>
public sealed class TotpTests
{
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // "12345678901234567890"

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Matches_the_rfc_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Reads_keys_as_the_two_factor_page_shows_them() =>
        Assert.Equal(Totp.Code(RfcKey, DateTimeOffset.UnixEpoch), Totp.Code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", DateTimeOffset.UnixEpoch));
}
