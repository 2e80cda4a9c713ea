using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Referrals;
using InvestCRM.Features.Stages;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Notifications;

/// <summary>
/// Adds in-app notices to the caller's unit of work; they are saved with the change they announce, so a
/// refused or failed change notifies nobody. Arguments are a JSON array filling the message's placeholders.
/// </summary>
public sealed class Notifier(CrmDbContext db, TimeProvider clock)
{
    // Chinese names stay readable in the table rather than \u-escaped.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public const string ReferralSubmitted = "Notice.ReferralSubmitted";
    public const string ReferralAccepted = "Notice.ReferralAccepted";
    public const string ReferralReturned = "Notice.ReferralReturned";
    public const string ReferralDuplicate = "Notice.ReferralDuplicate";
    public const string StageChanged = "Notice.StageChanged";
    public const string PartnerUpdate = "Notice.PartnerUpdate";
    public const string ParkUpdate = "Notice.ParkUpdate";

    /// <summary>
    /// A new referral waits for triage: the park's managers and admins hear of it ({1} names the incubator). Staff find it
    /// in the list; telling every one of them would drown the notices that are theirs alone.
    /// </summary>
    public async Task ReferralSubmittedAsync(Referral referral, CancellationToken ct = default)
    {
        var incubator = await db.Incubators.Where(i => i.Id == referral.IncubatorId).Select(i => i.Name).FirstOrDefaultAsync(ct) ?? "";
        var leaders = await ActiveUsers.In(db, ActiveUsers.Leadership).Select(u => u.Id).ToListAsync(ct);
        foreach (var user in leaders)
        {
            Add(user, ReferralSubmitted, [referral.EnterpriseName, incubator], $"/referrals/{referral.Id}");
        }
    }

    /// <summary>Tells the incubator's partners that staff decided on their referral.</summary>
    public Task ReferralDecidedAsync(Referral referral, CancellationToken ct = default)
    {
        var key = referral.Status switch
        {
            ReferralStatus.Accepted => ReferralAccepted,
            ReferralStatus.Returned => ReferralReturned,
            _ => ReferralDuplicate,
        };
        return ToPartnersAsync(referral.IncubatorId, key, [referral.EnterpriseName], PortalLink(referral.Id), ct);
    }

    /// <summary>Tells the referring incubator's partners the new stage (names in both languages: {1} Chinese, {2} English).</summary>
    public async Task ProjectMovedAsync(Project project, PipelineStage to, CancellationToken ct = default)
    {
        if (project.IncubatorId is not { } incubator)
        {
            return;
        }

        var referral = await db.Referrals.Where(r => r.ProjectId == project.Id)
            .Select(r => new { r.Id, r.EnterpriseName }).FirstOrDefaultAsync(ct);
        if (referral is null)
        {
            return; // a project the park found itself: its partners have no referral page to follow it on
        }

        await ToPartnersAsync(incubator, StageChanged, [referral.EnterpriseName, to.NameZh, to.NameEn], PortalLink(referral.Id), ct);
    }

    /// <summary>A partner wrote: the project's owner hears of it. Staff wrote for the partner: the partners do.</summary>
    public async Task UpdatePostedAsync(Referral referral, bool fromPartner, CancellationToken ct = default)
    {
        if (!fromPartner)
        {
            await ToPartnersAsync(referral.IncubatorId, ParkUpdate, [referral.EnterpriseName], PortalLink(referral.Id), ct);
            return;
        }

        var owner = referral.ProjectId is { } projectId
            ? await db.Projects.Where(p => p.Id == projectId).Select(p => p.OwnerId).FirstOrDefaultAsync(ct)
            : null;
        if (owner is not null)
        {
            Add(owner, PartnerUpdate, [referral.EnterpriseName], $"/referrals/{referral.Id}");
        }
    }

    private async Task ToPartnersAsync(int incubatorId, string key, string[] arguments, string link, CancellationToken ct)
    {
        var partners = await db.Users.Where(u => u.IncubatorId == incubatorId && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        foreach (var user in partners)
        {
            Add(user, key, arguments, link);
        }
    }

    private void Add(string userId, string key, string[] arguments, string link) =>
        db.Notifications.Add(new Notification
        {
            UserId = userId, MessageKey = key, Arguments = JsonSerializer.Serialize(arguments, Json), Link = link, CreatedAt = clock.GetUtcNow(),
        });

    private static string PortalLink(int referralId) => $"/portal/referrals/{referralId}";
}
