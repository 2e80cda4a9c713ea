using InvestCRM.Features.Projects;
using InvestCRM.Features.Stages;

namespace InvestCRM.Tests.Features.Projects;

public class StageRulesTests
{
    private static readonly IReadOnlyList<PipelineStage> Stages = DefaultStages.Create().Select((s, i) => { s.Id = i + 1; return s; }).ToList();

    private static PipelineStage S(string code) => Stages.Single(s => s.Code == code);

    private static Project At(string code, ProjectStatus status = ProjectStatus.Active) =>
        new() { Title = "t", OwnerId = "u", StageId = S(code).Id, Status = status };

    private static IEnumerable<string> Codes(IReadOnlyList<InvestCRM.Features.Common.Problem> problems) => problems.Select(p => p.Code);

    [Fact]
    public void Forward_into_signed_needs_agreement_date_and_amount()
    {
        var problems = StageRules.CheckMove(At("negotiation"), Stages, new StageMove(S("signed").Id, null));

        Assert.Equal(["Rule.MissingFact.AgreementDate", "Rule.MissingFact.SignedAmount"], Codes(problems));
    }

    [Fact]
    public void Forward_with_the_facts_is_allowed()
    {
        var project = At("negotiation");
        project.AgreementDate = new DateOnly(2026, 3, 1);
        project.SignedAmountWan = 5000;

        Assert.Empty(StageRules.CheckMove(project, Stages, new StageMove(S("signed").Id, null)));
    }

    [Fact]
    public void Forward_without_required_facts_is_allowed()
    {
        Assert.Empty(StageRules.CheckMove(At("lead"), Stages, new StageMove(S("site-visit").Id, null)));
    }

    [Fact]
    public void A_jump_across_several_stages_needs_the_facts_of_every_stage_passed()
    {
        var project = At("contact");
        project.AgreementDate = new DateOnly(2026, 3, 1);

        var problems = StageRules.CheckMove(project, Stages, new StageMove(S("construction").Id, null));

        Assert.Equal(
            ["Rule.MissingFact.SignedAmount", "Rule.MissingFact.LocalEntityCreditCode", "Rule.MissingFact.RegistrationDate", "Rule.MissingFact.ConstructionStart"],
            Codes(problems));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Backward_needs_a_reason(string? reason)
    {
        var problems = StageRules.CheckMove(At("negotiation"), Stages, new StageMove(S("contact").Id, reason));

        Assert.Equal(["Rule.ReasonRequired.Backward"], Codes(problems));
    }

    [Fact]
    public void Backward_with_a_reason_is_allowed_even_without_facts()
    {
        Assert.Empty(StageRules.CheckMove(At("construction"), Stages, new StageMove(S("lead").Id, "重新评估")));
    }

    [Fact]
    public void Dropping_needs_a_reason_and_reactivating_does_not()
    {
        Assert.Equal(["Rule.ReasonRequired.Dropped"], Codes(StageRules.CheckStatus(At("lead"), ProjectStatus.Dropped, "", DropReason.Funding)));
        Assert.Equal(["Rule.ReasonRequired.OnHold"], Codes(StageRules.CheckStatus(At("lead"), ProjectStatus.OnHold, null)));
        Assert.Empty(StageRules.CheckStatus(At("lead"), ProjectStatus.Dropped, "企业放弃", DropReason.StrategyChange));
        Assert.Empty(StageRules.CheckStatus(At("lead", ProjectStatus.Dropped), ProjectStatus.Active, null));
    }

    [Fact]
    public void Dropping_needs_a_known_reason_category()
    {
        Assert.Equal(["Rule.DropReasonRequired"], Codes(StageRules.CheckStatus(At("lead"), ProjectStatus.Dropped, "企业放弃")));
        Assert.Equal(["Rule.DropReasonRequired"], Codes(StageRules.CheckStatus(At("lead"), ProjectStatus.Dropped, "企业放弃", (DropReason)99)));
        Assert.Equal(["Rule.ReasonRequired.Dropped", "Rule.DropReasonRequired"], Codes(StageRules.CheckStatus(At("lead"), ProjectStatus.Dropped, " ")));
        Assert.Empty(StageRules.CheckStatus(At("lead"), ProjectStatus.OnHold, "等待董事会"));
    }

    [Theory]
    [InlineData(ProjectStatus.OnHold)]
    [InlineData(ProjectStatus.Dropped)]
    public void A_project_that_is_not_active_cannot_move(ProjectStatus status)
    {
        var problems = StageRules.CheckMove(At("lead", status), Stages, new StageMove(S("contact").Id, null));

        Assert.Equal(["Rule.NotActive"], Codes(problems));
    }

    [Fact]
    public void Moving_to_the_same_stage_is_refused()
    {
        Assert.Equal(["Rule.SameStage"], Codes(StageRules.CheckMove(At("contact"), Stages, new StageMove(S("contact").Id, "x"))));
        Assert.Equal(["Rule.SameStatus"], Codes(StageRules.CheckStatus(At("contact"), ProjectStatus.Active, null)));
    }

    [Fact]
    public void An_unknown_target_stage_is_refused()
    {
        Assert.Equal(["Rule.UnknownStage"], Codes(StageRules.CheckMove(At("lead"), Stages, new StageMove(999, null))));
    }
}
