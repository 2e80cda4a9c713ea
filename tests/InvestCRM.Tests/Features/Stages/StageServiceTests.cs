using InvestCRM.Data;
using InvestCRM.Features.Stages;
using InvestCRM.Tests.Features.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Stages;

/// <summary>The test database starts with the default stages (线索 10 … 投产 80).</summary>
public class StageServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_stage_needs_a_free_order_a_well_formed_unused_code_and_both_names(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var before = await db.Stages.CountAsync();

        var outcome = await new StageService(db).CreateAsync(new StageInput { Code = "Signed Off", Order = 50, NameZh = "签约", NameEn = "" });
        var taken = await new StageService(db).CreateAsync(new StageInput { Code = "signed", Order = 55, NameZh = "复签", NameEn = "Re-signed" });

        Assert.Contains(outcome.Problems, p => p.Field == nameof(StageInput.Code) && p.Code == "Validation.StageCode");
        Assert.Contains(outcome.Problems, p => p.Field == nameof(StageInput.Order) && p.Code == "Validation.OrderTaken");
        Assert.Contains(outcome.Problems, p => p.Field == nameof(StageInput.NameZh) && p.Code == "Validation.NameTaken");
        Assert.Contains(outcome.Problems, p => p.Field == nameof(StageInput.NameEn) && p.Code == "Validation.Required");
        Assert.Equal(("Validation.CodeTaken", "Code"), (Assert.Single(taken.Problems).Code, taken.Problems[0].Field));
        Assert.Equal(before, await db.Stages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_edit_keeps_the_code_and_may_keep_its_own_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Context();
        var signed = await db.Stages.AsNoTracking().SingleAsync(s => s.Code == "signed");

        var outcome = await new StageService(db).UpdateAsync(signed.Id,
            new StageInput { Code = "renamed", Order = signed.Order, NameZh = "签约", NameEn = "Contract signed", CountsAsIntroduced = true });

        await using var fresh = database.Context();
        var saved = await fresh.Stages.SingleAsync(s => s.Id == signed.Id);
        Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems));
        Assert.Equal(("signed", "Contract signed"), (saved.Code, saved.NameEn));
    }
}
