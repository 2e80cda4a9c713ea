namespace InvestCRM.Features.PartnerApi;

/// <summary>
/// A key an incubator's own system uses for the partner API. Only a SHA-256 hash of the secret is stored;
/// the secret is shown once when issued. The prefix identifies the key in lists and logs.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }
    public int IncubatorId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
