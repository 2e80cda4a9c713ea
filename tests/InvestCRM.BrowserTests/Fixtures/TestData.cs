using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Projects;
using InvestCRM.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.BrowserTests.Fixtures;

/// <summary>Rows a browser test needs before it starts, written as the admin so they are audited like real ones.</summary>
public static class TestData
{
    public static async Task<int> EnterpriseAsync(this KestrelApp app, string name)
    {
        await using var db = app.Database.CreateContext(await app.CurrentUserAsync(DemoAccounts.Admin));
        var enterprise = new Enterprise { Name = name, NormalizedName = EnterpriseName.Normalize(name), CreatedAt = DateTimeOffset.UtcNow };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise.Id;
    }

    /// <summary>An active project owned by the manager in the given stage, without any of the stage facts.</summary>
    public static async Task<int> ProjectAsync(this KestrelApp app, string title, string stageCode, int? chainId = null)
    {
        var enterpriseId = await app.EnterpriseAsync(title + "有限公司");
        var owner = await app.FindUserAsync(DemoAccounts.Manager);
        await using var db = app.Database.CreateContext(await app.CurrentUserAsync(DemoAccounts.Admin));
        var stage = await db.Stages.SingleAsync(s => s.Code == stageCode);
        var now = DateTimeOffset.UtcNow;
        var project = new Project
        {
            EnterpriseId = enterpriseId, Title = title, OwnerId = owner.Id, TeamId = owner.TeamId, ChainId = chainId,
            StageId = stage.Id, StageEnteredAt = now, CreatedAt = now, UpdatedAt = now,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }
}
