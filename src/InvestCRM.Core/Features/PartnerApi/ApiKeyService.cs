using System.Security.Cryptography;
using System.Text;
using InvestCRM.Data;
using InvestCRM.Features.Common;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Referrals;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.PartnerApi;

public sealed record ApiKeyRow(int Id, string IncubatorName, string Name, string Prefix, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The whole key, shown once: "prefix.secret".</summary>
public sealed record IssuedKey(int Id, string Prefix, string Token);

/// <summary>Who a valid key speaks for.</summary>
public sealed record ApiCaller(int KeyId, string Prefix, string KeyName, int IncubatorId, string ActingUserId);

public sealed record ApiKeyInput(int IncubatorId, string Name, DateOnly? ExpiresOn);

/// <summary>Issues, lists, revokes and checks partner API keys. Only the SHA-256 of a secret is ever stored.</summary>
public sealed class ApiKeyService(CrmDbContext db, TimeProvider clock)
{
    private static readonly TimeSpan UsageResolution = TimeSpan.FromMinutes(1);

    /// <summary>A key serves a partner system for good: a suspended incubator may resume, a closed one never refers again.</summary>
    private static bool MayHoldNewKey(IncubatorStatus status) => status != IncubatorStatus.Closed;

    /// <summary>The incubators a key may be issued to, by name; a closed one is not offered.</summary>
    public async Task<IReadOnlyList<LabeledChoice>> IncubatorChoicesAsync(CancellationToken ct = default) =>
        (await db.Incubators.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name, i.Status }).ToListAsync(ct))
            .Where(i => MayHoldNewKey(i.Status)).Select(i => new LabeledChoice(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Name)).ToList();

    public async Task<(Outcome Outcome, IssuedKey? Key)> IssueAsync(ApiKeyInput input, CancellationToken ct = default)
    {
        if (!db.User.IsAdmin || db.User.UserId is null)
        {
            return (Outcome.Refused(new Problem("Rule.NotAllowed")), null);
        }

        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            problems.Add(new Problem(string.IsNullOrWhiteSpace(input.Name) ? "Validation.Required" : "Validation.TooLong", nameof(input.Name)));
        }

        var status = await db.Incubators.Where(i => i.Id == input.IncubatorId).Select(i => (IncubatorStatus?)i.Status).FirstOrDefaultAsync(ct);
        if (status is not { } known)
        {
            problems.Add(new Problem("Rule.UnknownIncubator", nameof(input.IncubatorId)));
        }
        else if (!MayHoldNewKey(known))
        {
            problems.Add(new Problem("Rule.IncubatorClosedNoKey", nameof(input.IncubatorId)));
        }

        // The day is the park's: a key dated today (China time) would already have expired.
        if (input.ExpiresOn is { } on && on <= ChinaTime.Today(clock))
        {
            problems.Add(new Problem("Rule.ExpiryInPast", nameof(input.ExpiresOn)));
        }

        if (problems.Count > 0)
        {
            return (Outcome.Refused(problems), null);
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            IncubatorId = input.IncubatorId, Name = input.Name.Trim(), Prefix = prefix, SecretHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(), CreatedById = db.User.UserId,
            ExpiresAt = input.ExpiresOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime() : null,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done(key.Id), new IssuedKey(key.Id, prefix, $"{prefix}.{secret}"));
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct = default) =>
        !db.User.IsAdmin ? [] : await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id)
            .Select(k => new ApiKeyRow(k.Id, db.Incubators.Where(i => i.Id == k.IncubatorId).Select(i => i.Name).First(), k.Name, k.Prefix,
                k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);

    public async Task<Outcome> RevokeAsync(int id, CancellationToken ct = default)
    {
        var key = db.User.IsAdmin ? await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) : null;
        if (key is null)
        {
            return Outcome.Refused(new Problem("Rule.NotFound"));
        }

        key.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Outcome.Done(id);
    }

    /// <summary>The caller a "prefix.secret" token stands for, or null for an unknown, wrong, revoked or expired key.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string token, CancellationToken ct = default)
    {
        var dot = token.IndexOf('.');
        if (dot is <= 0 or > 16 || dot == token.Length - 1)
        {
            return null;
        }

        var prefix = token[..dot];
        // No one is signed in yet, so the anonymous scope would hide every key: this look-up is the sign-in itself.
        var key = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, ct);
        var now = clock.GetUtcNow();
        var presented = Encoding.ASCII.GetBytes(Hash(token[(dot + 1)..]));
        var stored = Encoding.ASCII.GetBytes(key?.SecretHash ?? new string('0', presented.Length));
        if (!CryptographicOperations.FixedTimeEquals(presented, stored) || key is null
            || key.RevokedAt is not null || key.ExpiresAt <= now || key.CreatedById is null)
        {
            return null;
        }

        if (key.LastUsedAt is not { } used || now - used >= UsageResolution)
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }

        return new ApiCaller(key.Id, key.Prefix, key.Name, key.IncubatorId, key.CreatedById);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
