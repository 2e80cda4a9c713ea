using System.Net.Http.Headers;
using InvestCRM.Features.Attachments;
using InvestCRM.Features.Demo;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Notifications;
using InvestCRM.Features.PartnerApi;
using InvestCRM.Features.Referrals;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Partners;

/// <summary>Rows of one incubator, made for a test: the demo referrals plus a file, a notice, an update and a key.</summary>
public sealed record TenantRecords(int IncubatorId, string IncubatorName, int ReferralId, int ProjectId, long AttachmentId,
    long NotificationId, int ApiKeyId, string ApiKey)
{
    /// <summary>Staff-side records around B's project (its enterprise, a contact, an activity, its count) and reference rows.</summary>
    public StaffRecords Staff { get; init; } = default!;
}

public sealed record StaffRecords(int EnterpriseId, int ContactId, long ActivityId, long LedgerEntryId, int EventId, int ChainId, int NodeId,
    int PlanId, int ParkId, int TeamId, int StageId, int TargetId, string UserId)
{
    public int IncubatorContactId { get; init; }

    /// <summary>A demo 揭榜挂帅 track (the demo list has claimed ones; partners see no track).</summary>
    public int TrackId { get; init; }
}

public static class PartnerData
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static async Task<int> IncubatorIdAsync(this PartnerApp app, string city)
    {
        await using var db = app.Database.CreateContext();
        return await db.Incubators.Where(i => i.City == city && i.PlanId == db.Plans.Select(p => p.Id).First()).Select(i => i.Id).FirstAsync();
    }

    /// <summary>An operating incubator of the first plan, of its own, for a test that changes its status or counts its rows.</summary>
    public static async Task<int> NewIncubatorAsync(this PartnerApp app)
    {
        await using var db = app.Database.CreateContext();
        var incubator = new InvestCRM.Features.Incubators.OffshoreIncubator
        {
            PlanId = await db.Plans.Select(p => p.Id).FirstAsync(), Name = $"测试孵化器{Guid.NewGuid():N}", City = $"测试市{Guid.NewGuid():N}"[..11],
            Region = InvestCRM.Features.Incubators.RegionCluster.GreaterBayArea, Status = InvestCRM.Features.Incubators.IncubatorStatus.Operating,
        };
        db.Incubators.Add(incubator);
        await db.SaveChangesAsync();
        return incubator.Id;
    }

    /// <summary>An accepted demo referral of the incubator (with its project) and one record of every other kind.</summary>
    public static async Task<TenantRecords> TenantAsync(this PartnerApp app, string city, string partnerEmail)
    {
        var incubator = await app.IncubatorIdAsync(city);
        var partner = await app.FindUserAsync(partnerEmail);
        await using var db = app.Database.CreateContext();
        var referral = await db.Referrals.Where(r => r.IncubatorId == incubator && r.Status == ReferralStatus.Accepted).FirstAsync();
        var name = await db.Incubators.Where(i => i.Id == incubator).Select(i => i.Name).FirstAsync();
        var stored = $"seed/{Guid.NewGuid():N}";
        Directory.CreateDirectory(Path.Combine(app.AttachmentFolder, "seed"));
        await File.WriteAllBytesAsync(Path.Combine(app.AttachmentFolder, stored), Pdf);
        var attachment = new Attachment
        {
            IncubatorId = incubator, ReferralId = referral.Id, FileName = "plan.pdf", ContentType = "application/pdf", Size = Pdf.Length,
            StoragePath = stored, Sha256 = new string('0', 64), UploadedById = partner.Id, UploadedAt = DateTimeOffset.UtcNow,
        };
        var notification = new Notification { UserId = partner.Id, MessageKey = Notifier.ReferralAccepted, Arguments = "[\"x\"]", Link = "/portal", CreatedAt = DateTimeOffset.UtcNow };
        db.Attachments.Add(attachment);
        db.Notifications.Add(notification);
        db.ReferralUpdates.Add(new ReferralUpdate { ReferralId = referral.Id, IncubatorId = incubator, Text = "seed", AuthorId = partner.Id, At = DateTimeOffset.UtcNow, FromPartner = true });
        await db.SaveChangesAsync();
        var (keyId, token) = await app.IssueKeyAsync(incubator);
        return new TenantRecords(incubator, name, referral.Id, referral.ProjectId!.Value, attachment.Id, notification.Id, keyId, token)
        {
            Staff = await StaffRecordsAsync(db, referral.ProjectId!.Value, partner.Id),
        };
    }

    private static async Task<StaffRecords> StaffRecordsAsync(InvestCRM.Data.CrmDbContext db, int projectId, string partnerId)
    {
        var project = await db.Projects.FirstAsync(p => p.Id == projectId);
        var contact = new InvestCRM.Features.Enterprises.Contact { EnterpriseId = project.EnterpriseId, Name = "联系人" };
        var crmEvent = new InvestCRM.Features.Events.CrmEvent { Name = "招商推介会", City = "上海", Date = new DateOnly(2026, 5, 1) };
        var activity = new InvestCRM.Features.Activities.Activity
        {
            Type = InvestCRM.Features.Activities.ActivityType.Visit, Summary = "走访", ProjectId = projectId, EnterpriseId = project.EnterpriseId,
            OccurredAt = DateTimeOffset.UtcNow, CreatedById = project.OwnerId, CreatedAt = DateTimeOffset.UtcNow, FollowUpOn = DateOnly.FromDateTime(DateTime.Today),
        };
        var stage = await db.Stages.FirstAsync(s => s.Code == "signed");
        // Tests of one app share it: the project is counted once.
        var entry = await db.LedgerEntries.FirstOrDefaultAsync(e => e.ProjectId == projectId && e.StageId == stage.Id)
            ?? InvestCRM.Features.Ledger.LedgerLine.Snapshot(project, stage.Id, DateTimeOffset.UtcNow);
        var incubatorContact = new InvestCRM.Features.Incubators.IncubatorContact { IncubatorId = project.IncubatorId!.Value, Name = "孵化器联系人" };
        db.AddRange(contact, crmEvent, activity, incubatorContact);
        if (entry.Id == 0)
        {
            db.Add(entry);
        }

        await db.SaveChangesAsync();
        var node = await db.ChainNodes.FirstAsync();
        return new StaffRecords(project.EnterpriseId, contact.Id, activity.Id, entry.Id, crmEvent.Id, node.ChainId, node.Id,
            await db.Plans.Select(p => p.Id).FirstAsync(), await db.Parks.Select(p => p.Id).FirstAsync(), await db.Teams.Select(t => t.Id).FirstAsync(),
            stage.Id, await db.Targets.Select(t => t.Id).FirstAsync(), partnerId)
        {
            IncubatorContactId = incubatorContact.Id, TrackId = await db.Tracks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
        };
    }

    /// <summary>Issues a key through the app's own service, as an admin would.</summary>
    public static async Task<(int Id, string Token)> IssueKeyAsync(this PartnerApp app, int incubatorId, string name = "test")
    {
        var admin = await app.FindUserAsync(DemoAccounts.Admin);
        await using var db = app.Database.CreateContext(new CurrentUser(admin.Id, "admin", new HashSet<string> { Roles.Admin }, null, null));
        var (outcome, key) = await new ApiKeyService(db, TimeProvider.System).IssueAsync(new ApiKeyInput(incubatorId, name, null));
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems));
        return (key!.Id, key.Token);
    }

    public static HttpClient ApiClient(this PartnerApp app, string? key, string? language = null)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    public static MultipartFormDataContent FileForm(string fileName, byte[] content, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
