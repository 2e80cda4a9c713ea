using System.ComponentModel.DataAnnotations;
using InvestCRM.Features.Identity;

namespace InvestCRM.Web.Features.Users;

/// <summary>The user form as posted; the password is asked for only when the user is created.</summary>
public sealed class UserForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, ErrorMessage = "Validation.TooLong")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    public string Role { get; set; } = Roles.Staff;

    public int? TeamId { get; set; }
    public int? IncubatorId { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Password { get; set; }

    public static UserForm Of(UserRow user) => new()
    {
        Email = user.Email, DisplayName = user.DisplayName, Role = user.Role, TeamId = user.TeamId,
        IncubatorId = user.IncubatorId, IsActive = user.IsActive,
    };

    public UserInput ToInput() => new(Email.Trim(), DisplayName.Trim(), Role, TeamId, IncubatorId, IsActive);
}
