namespace InvestCRM.Web.Infrastructure;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Admins must finish a TOTP second factor before they can do anything.</summary>
    public bool RequireAdminTwoFactor { get; set; } = true;
}
