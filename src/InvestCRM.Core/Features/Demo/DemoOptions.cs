namespace InvestCRM.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Loads the Sanming plan and the demo accounts at start-up. Refused in Production.</summary>
    public bool Enabled { get; set; }

    /// <summary>Password of every demo account (listed in README); a default secret, so Development only.</summary>
    public string Password { get; set; } = DefaultPassword;

    public const string DefaultPassword = "Sanming-Demo-2026";
    public const string EmailDomain = "demo.investcrm.local";
}
