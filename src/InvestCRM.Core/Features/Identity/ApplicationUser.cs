using Microsoft.AspNetCore.Identity;

namespace InvestCRM.Features.Identity;

public class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? TeamId { get; set; }

    /// <summary>Set for partners only: the one offshore incubator whose data they may see.</summary>
    public int? IncubatorId { get; set; }

    /// <summary>UI culture the user chose last ("zh-CN" or "en-US").</summary>
    public string? PreferredCulture { get; set; }
    public bool IsActive { get; set; } = true;
}
