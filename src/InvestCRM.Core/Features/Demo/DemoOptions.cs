namespace InvestCRM.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Loads the Sanming plan and the demo accounts at start-up. Refused in Production.</summary>
    public bool Enabled { get; set; }

    /// <summary>Password of every demo account (listed in README); a default secret, so Development only.</summary>
    public string Password { get; set; } = DefaultPassword;

    /// <summary>Synthetic projects added to a database that has none (with about 2/3 as many enterprises and 7 activities each); 0 adds none.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 100_000)]
    public int Projects { get; set; } = 300;

    public const string DefaultPassword = "Sanming-Demo-2026";
    public const string EmailDomain = "demo.investcrm.local";
}
