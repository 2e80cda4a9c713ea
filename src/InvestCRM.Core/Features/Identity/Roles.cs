namespace InvestCRM.Features.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Staff = "Staff";
    public const string Partner = "Partner";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Staff, Partner];

    /// <summary>Roles that work inside the park (everyone except partners).</summary>
    public const string Internal = Admin + "," + Manager + "," + Staff;
    public const string Leadership = Admin + "," + Manager;
}

public static class CrmClaims
{
    public const string TeamId = "investcrm:team";
    public const string IncubatorId = "investcrm:incubator";
    public const string DisplayName = "investcrm:name";
    public const string ApiKeyId = "investcrm:apikey-id";
}
