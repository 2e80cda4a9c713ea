using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Stages;

/// <summary>The common pipeline (DOMAIN.md); loaded once into an empty stage table, then admins own it.</summary>
public static class DefaultStages
{
    public static IReadOnlyList<PipelineStage> Create() =>
    [
        new() { Code = "lead", Order = 10, NameZh = "线索", NameEn = "Lead" },
        new() { Code = "contact", Order = 20, NameZh = "接洽", NameEn = "First contact" },
        new() { Code = "site-visit", Order = 30, NameZh = "考察", NameEn = "Site visit" },
        new() { Code = "negotiation", Order = 40, NameZh = "洽谈", NameEn = "Negotiation" },
        new() { Code = "signed", Order = 50, NameZh = "签约", NameEn = "Signed", CountsAsIntroduced = true,
            RequiredFacts = ProjectFacts.AgreementDate | ProjectFacts.SignedAmount },
        new() { Code = "registered", Order = 60, NameZh = "注册落地", NameEn = "Registered locally",
            RequiredFacts = ProjectFacts.LocalEntityCreditCode | ProjectFacts.RegistrationDate },
        new() { Code = "construction", Order = 70, NameZh = "开工", NameEn = "Construction", RequiredFacts = ProjectFacts.ConstructionStart },
        new() { Code = "production", Order = 80, NameZh = "投产", NameEn = "In production", IsTerminal = true,
            RequiredFacts = ProjectFacts.ProductionStart },
    ];

    public static async Task EnsureAsync(CrmDbContext db, CancellationToken ct = default)
    {
        if (await db.Stages.AnyAsync(ct))
        {
            return;
        }

        db.Stages.AddRange(Create());
        await db.SaveChangesAsync(ct);
    }
}
