using InvestCRM.Data;
using InvestCRM.Features.Auditing;
using InvestCRM.Features.Chains;
using InvestCRM.Features.Common;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Projects;
using InvestCRM.Features.Targets;
using InvestCRM.Features.Tracks;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Tracks;

/// <summary>
/// The 揭榜挂帅 list on a real database: a base (氟新材料产业基地) with a park inside it (清流氟新材料产业园), an unrelated park
/// (海西生物医药产业园), and two links of the fluorine chain (含氟聚合物, 电解液). Projects are created and signed through the
/// real <see cref="ProjectService"/>, so the ledger counts them at the real current time; claims run from three days
/// before today (China time) for six months, so every count made during the test falls inside them.
/// </summary>
public sealed class TrackServiceTests
{
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_park_claim_on_a_node_counts_the_signed_projects_credited_to_its_parks_by_their_share(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var (inner, bases, other, polymers, electrolyte) = (fixture.InnerPark, fixture.Base, fixture.OtherPark, fixture.Polymers, fixture.Electrolyte);

        // Counts whole: the park inside the base, on the node. Investment is the signed amount, not the planned one.
        var jia = await fixture.ProjectAsync(fixture.On("甲", inner, polymers) with { ExpectedOutputWan = 3000, ExpectedTaxWan = 150 });
        await fixture.SignAsync(jia, 1200);
        // Another link of the same chain: not the track's.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("乙", bases, electrolyte)), 2000);
        // The right link, but landed in a park outside the base.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("丙", other, polymers)), 3000);
        // Counted, then the count was reversed.
        var ding = await fixture.ProjectAsync(fixture.On("丁", inner, polymers));
        await fixture.SignAsync(ding, 800);
        await fixture.ReverseAsync(ding);
        // An expansion (增资): one project, no new enterprise, and only the increment as investment.
        var wu = await fixture.ProjectAsync(fixture.On("戊", bases, polymers) with { IsExpansion = true, ExpansionIncrementWan = 500 });
        await fixture.SignAsync(wu, 2500);
        // Landed elsewhere, the base credited as second unit for 40 %: under the plan's split rule the base gets 0.4 of it.
        var ji = await fixture.ProjectAsync(fixture.On("己", other, polymers) with
        {
            ExpectedOutputWan = 2000, ExpectedTaxWan = 100,
            SecondaryCreditScope = TargetScope.Park, SecondaryCreditId = bases, SecondaryCreditPercent = 40,
        });
        await fixture.SignAsync(ji, 1000);
        // Counted ten days before the claim was made.
        var geng = await fixture.ProjectAsync(fixture.On("庚", inner, polymers));
        await fixture.SignAsync(geng, 900);
        await fixture.CountedOnAsync(geng, fixture.ClaimedOn.AddDays(-10));
        var track = await fixture.ClaimedTrackAsync("含氟聚合物", polymers, TargetScope.Park, bases, enterprises: 5, investment: 10_000);

        var progress = await fixture.Evaluation.ProgressAsync(track);
        var counted = await fixture.Evaluation.CountedAsync(track);

        Assert.NotNull(progress);
        // Projects: 甲 1 + 戊 1 + 己 0.4 = 2.4. Enterprises: 甲 1 + 戊 0 (expansion) + 己 0.4 = 1.4.
        // Investment: 甲 1200 + 戊 500 (increment) + 己 0.4 × 1000 = 2100. Output: 3000 + 0 + 0.4 × 2000 = 3800.
        // Tax: 150 + 0 + 0.4 × 100 = 190. Every project is past the open stages: no open projects.
        Assert.Equal(new TrackFigures(2.4m, 1.4m, 2100m, 3800m, 190m, 0, 0m), progress.Figures);
        Assert.Equal([new Commitment(TrackMeasure.Enterprises, 5, 1.4m), new Commitment(TrackMeasure.InvestmentWan, 10_000, 2100m)],
            progress.Commitments);
        // Four days of a six-month claim have gone by (3 days before today, and today): 1.4 / 5 and 2100 / 10000 are well ahead.
        Assert.Equal(TrackStanding.OnPace, progress.Standing);
        // Newest first: 己, then 戊, then 甲, each with the claimant's share of its figures.
        Assert.Equal(
            [("项目己", false, 0.4m, 400m, 800m, 40m), ("项目戊", true, 1m, 500m, 0m, 0m), ("项目甲", false, 1m, 1200m, 3000m, 150m)],
            counted.Select(c => (c.Title, c.IsExpansion, c.Weight, c.InvestmentWan, c.OutputValueWan, c.TaxWan)));
        Assert.Equal([ji, wu, jia], counted.Select(c => c.ProjectId));

        // The same link claimed from tomorrow: everything above was counted before its claim.
        var later = await fixture.ClaimedTrackAsync("含氟聚合物（明日起）", polymers, TargetScope.Park, bases, claimedOn: fixture.Today.AddDays(1));
        var laterProgress = await fixture.Evaluation.ProgressAsync(later);
        Assert.NotNull(laterProgress);
        Assert.Equal(new TrackFigures(0, 0, 0, 0, 0, 0, 0), laterProgress.Figures);
        Assert.Empty(await fixture.Evaluation.CountedAsync(later));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_park_claim_counts_the_parks_inside_it_but_not_the_base_around_it(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var (inner, bases, polymers) = (fixture.InnerPark, fixture.Base, fixture.Polymers);

        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("甲", inner, polymers)), 1200);
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("乙", bases, polymers)), 700);
        // Landed in the inner park, shared with the base for 40 %: the inner park keeps 60 %, the base gets 40 %.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("丙", inner, polymers) with
        {
            SecondaryCreditScope = TargetScope.Park, SecondaryCreditId = bases, SecondaryCreditPercent = 40,
        }), 1000);
        var innerTrack = await fixture.ClaimedTrackAsync("含氟聚合物·园区", polymers, TargetScope.Park, inner);
        var baseTrack = await fixture.ClaimedTrackAsync("含氟聚合物·基地", polymers, TargetScope.Park, bases);

        var innerFigures = (await fixture.Evaluation.ProgressAsync(innerTrack))!.Figures;
        var baseFigures = (await fixture.Evaluation.ProgressAsync(baseTrack))!.Figures;

        // The inner park: 甲 whole and 丙's primary 60 % (1 + 0.6 = 1.6; 1200 + 0.6 × 1000 = 1800); not the base's 乙.
        Assert.Equal(new TrackFigures(1.6m, 1.6m, 1800m, 0, 0, 0, 0), innerFigures);
        // The base holds both of 丙's units, so 60 % + 40 % = the whole of it: 3 projects, 1200 + 700 + 1000 = 2900.
        Assert.Equal(new TrackFigures(3m, 3m, 2900m, 0, 0, 0, 0), baseFigures);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Open_projects_are_the_claimants_active_projects_on_the_node_before_signing_furthest_first(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var (inner, bases, other, polymers, electrolyte) = (fixture.InnerPark, fixture.Base, fixture.OtherPark, fixture.Polymers, fixture.Electrolyte);

        await fixture.MoveAsync(await fixture.ProjectAsync(fixture.On("甲", inner, polymers, planned: 3000)), "negotiation");
        await fixture.MoveAsync(await fixture.ProjectAsync(fixture.On("乙", bases, polymers, planned: 2000)), "contact");
        // Still a lead: open too.
        await fixture.ProjectAsync(fixture.On("丙", bases, polymers, planned: 500));
        // Dropped while negotiating: no longer working towards the claim.
        var ding = await fixture.ProjectAsync(fixture.On("丁", inner, polymers, planned: 9000));
        await fixture.MoveAsync(ding, "negotiation");
        await fixture.DropAsync(ding);
        // Another link, and another park: not the claim's.
        await fixture.MoveAsync(await fixture.ProjectAsync(fixture.On("戊", bases, electrolyte, planned: 4000)), "negotiation");
        await fixture.MoveAsync(await fixture.ProjectAsync(fixture.On("己", other, polymers, planned: 6000)), "negotiation");
        // Signed: counted, not open.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("庚", inner, polymers, planned: 1800)), 1500);
        var track = await fixture.ClaimedTrackAsync("含氟聚合物", polymers, TargetScope.Park, bases);

        var progress = await fixture.Evaluation.ProgressAsync(track);
        var open = await fixture.Evaluation.OpenAsync(track);

        Assert.NotNull(progress);
        // Counted: 庚 at its signed amount, 1500. Open: 甲, 乙 and 丙, planned 3000 + 2000 + 500 = 5500.
        Assert.Equal(new TrackFigures(1, 1, 1500m, 0, 0, 3, 5500m), progress.Figures);
        Assert.Equal(
            [("项目甲", "甲有限公司", "洽谈", 3000m), ("项目乙", "乙有限公司", "接洽", 2000m), ("项目丙", "丙有限公司", "线索", 500m)],
            open.Select(p => (p.Title, p.EnterpriseName, p.StageZh, p.PlannedInvestmentWan ?? -1)));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_whole_chain_track_claimed_by_a_team_counts_the_teams_projects_on_every_link_of_the_chain(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var (teamA, teamB, polymers, electrolyte) = (fixture.Database.TeamA, fixture.Database.TeamB, fixture.Polymers, fixture.Electrolyte);

        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("甲", fixture.InnerPark, polymers)), 1000);
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("乙", null, electrolyte)), 2000);
        // On the chain but on none of its links.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("丙", null, null)), 300);
        // Another team's project on the chain.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("丁", null, polymers) with { TeamId = teamB }), 4000);
        // The team's project on the other chain.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("戊", null, null) with { ChainId = fixture.Database.OtherChainId }), 5000);
        // Another team's project, team A credited as second unit for 40 %.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("己", null, polymers) with
        {
            TeamId = teamB, SecondaryCreditScope = TargetScope.Team, SecondaryCreditId = teamA, SecondaryCreditPercent = 40,
        }), 1000);
        // The team's open project on another link of the chain.
        await fixture.MoveAsync(await fixture.ProjectAsync(fixture.On("庚", null, electrolyte, planned: 800)), "negotiation");
        var track = await fixture.ClaimedTrackAsync("含氟新材料全链", null, TargetScope.Team, teamA);

        var progress = await fixture.Evaluation.ProgressAsync(track);

        Assert.NotNull(progress);
        // Projects and enterprises: 甲 1 + 乙 1 + 丙 1 + 己 0.4 = 3.4. Investment: 1000 + 2000 + 300 + 0.4 × 1000 = 3700.
        // Open: 庚, planned 800.
        Assert.Equal(new TrackFigures(3.4m, 3.4m, 3700m, 0, 0, 1, 800m), progress.Figures);
        Assert.Equal(["项目己", "项目丙", "项目乙", "项目甲"], (await fixture.Evaluation.CountedAsync(track)).Select(c => c.Title));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Under_double_credit_the_summed_figures_equal_the_shares_listed_project_by_project(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var (inner, bases, other, polymers) = (fixture.InnerPark, fixture.Base, fixture.OtherPark, fixture.Polymers);
        var plan = await fixture.Db.Plans.SingleAsync();
        plan.CreditRule = CreditRule.Double;
        await fixture.Db.SaveChangesAsync();
        fixture.Db.ChangeTracker.Clear();

        // Landed in the park inside the base and credited to the base too: both lines are the base's, each whole (考核双算),
        // as a target of the base counts it.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("甲", inner, polymers) with
        {
            SecondaryCreditScope = TargetScope.Park, SecondaryCreditId = bases, SecondaryCreditPercent = 40,
        }), 1000);
        // Landed elsewhere, the base the second unit: whole under double credit.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("乙", other, polymers) with
        {
            SecondaryCreditScope = TargetScope.Park, SecondaryCreditId = bases, SecondaryCreditPercent = 40,
        }), 500);
        // Landed in the base, a team the second unit: a team's share is no park's, the base keeps it whole.
        await fixture.SignAsync(await fixture.ProjectAsync(fixture.On("丙", bases, polymers) with
        {
            SecondaryCreditScope = TargetScope.Team, SecondaryCreditId = fixture.Database.TeamB, SecondaryCreditPercent = 40,
        }), 300);
        var track = await fixture.ClaimedTrackAsync("含氟聚合物（双算）", polymers, TargetScope.Park, bases);

        var progress = await fixture.Evaluation.ProgressAsync(track);
        var counted = await fixture.Evaluation.CountedAsync(track);

        Assert.NotNull(progress);
        // 甲 2 + 乙 1 + 丙 1 = 4 projects and enterprises; investment 2 × 1000 + 500 + 300 = 2800.
        Assert.Equal(new TrackFigures(4m, 4m, 2800m, 0, 0, 0, 0), progress.Figures);
        Assert.Equal([("项目丙", 1m), ("项目乙", 1m), ("项目甲", 2m)], counted.Select(c => (c.Title, c.Weight)));
        Assert.Equal(progress.Figures.Projects, counted.Sum(c => c.Weight));
        Assert.Equal(progress.Figures.InvestmentWan, counted.Sum(c => c.InvestmentWan));
    }

    [Fact]
    public void Judge_weighs_each_commitment_against_the_share_of_the_claim_period_gone_by()
    {
        // A claim on the whole of 2026: 365 days. No tax commitment (0 is none): the claim is judged on two measures.
        var track = new Track
        {
            Name = "含氟聚合物", ClaimScope = TargetScope.Park, ClaimUnitId = 1,
            ClaimedOn = new DateOnly(2026, 1, 1), DueOn = new DateOnly(2026, 12, 31),
            CommitEnterprises = 10, CommitInvestmentWan = 20_000, CommitTaxWan = 0,
        };
        var midYear = new DateOnly(2026, 7, 1);
        // By the end of 1 July, 1 January to 1 July inclusive have gone by: 31 + 28 + 31 + 30 + 31 + 30 + 1 = 182 days of 365.
        var elapsed = (decimal)(182d / 365d);

        var achieved = TrackEvaluation.Judge(track, Figures(10, 20_000), new DateOnly(2026, 3, 1));
        var onPace = TrackEvaluation.Judge(track, Figures(5, 10_000), midYear);
        var behind = TrackEvaluation.Judge(track, Figures(5, 9_900), midYear);
        var lastDay = TrackEvaluation.Judge(track, Figures(9, 20_000), new DateOnly(2026, 12, 31));
        var missed = TrackEvaluation.Judge(track, Figures(9, 20_000), new DateOnly(2027, 1, 1));
        var achievedLate = TrackEvaluation.Judge(track, Figures(10, 20_000), new DateOnly(2027, 1, 5));

        // Both commitments met, two months in.
        Assert.Equal(TrackStanding.Achieved, achieved.Standing);
        Assert.Equal([new Commitment(TrackMeasure.Enterprises, 10, 10), new Commitment(TrackMeasure.InvestmentWan, 20_000, 20_000)],
            achieved.Commitments);
        // 5 / 10 = 0.5 and 10000 / 20000 = 0.5, both ≥ 182 / 365 ≈ 0.4986.
        Assert.Equal(elapsed, onPace.Elapsed);
        Assert.Equal(TrackStanding.OnPace, onPace.Standing);
        // 9900 / 20000 = 0.495 < 0.4986: one commitment behind is enough.
        Assert.Equal(elapsed, behind.Elapsed);
        Assert.Equal(TrackStanding.Behind, behind.Standing);
        Assert.Equal(0.495m, behind.Commitments[1].Share);
        // On the due date the whole period has gone by, but it is not missed yet: 9 / 10 < 1.
        Assert.Equal(1m, lastDay.Elapsed);
        Assert.Equal(TrackStanding.Behind, lastDay.Standing);
        // The day after, an unmet commitment is missed; one met after the due date stays achieved.
        Assert.Equal(TrackStanding.Missed, missed.Standing);
        Assert.Equal(TrackStanding.Achieved, achievedLate.Standing);

        static TrackFigures Figures(decimal enterprises, decimal investment) => new(enterprises, enterprises, investment, 0, 0, 0, 0);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Publishing_a_track_needs_a_name_not_taken_and_a_chain_of_the_plan(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var db = fixture.Db;
        var elsewhere = new ChainNode { ChainId = fixture.Database.OtherChainId, Segment = ChainSegment.Upstream, Name = "原料药" };
        db.ChainNodes.Add(elsewhere);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var tracks = fixture.Tracks;
        TrackInput Input(string name, int? chain, int? node = null) =>
            new() { Name = name, ChainId = chain, ChainNodeId = node, PublishedOn = fixture.Today };

        fixture.Database.User.Current = ProjectTestDatabase.Staff("staff-a", fixture.Database.TeamA);
        var byStaff = await tracks.CreateAsync(fixture.PlanId, Input("含氟聚合物", fixture.Database.ChainId, fixture.Polymers));
        fixture.Database.User.Current = Fixture.Manager;
        var blank = await tracks.CreateAsync(fixture.PlanId, Input("  ", null));
        var foreignNode = await tracks.CreateAsync(fixture.PlanId, Input("原料药", fixture.Database.ChainId, elsewhere.Id));
        var created = await tracks.CreateAsync(fixture.PlanId, Input(" 含氟聚合物 ", fixture.Database.ChainId, fixture.Polymers));
        var duplicate = await tracks.CreateAsync(fixture.PlanId, Input("含氟聚合物", fixture.Database.ChainId));
        db.ChangeTracker.Clear();

        Assert.Equal([new Problem("Rule.NotAllowed")], byStaff.Problems);
        Assert.Equal([new Problem(InputChecks.Required, "Name"), new Problem(InputChecks.Required, "ChainId")], blank.Problems);
        Assert.Equal([new Problem(InputChecks.Unknown, "ChainId")], foreignNode.Problems);
        Assert.True(created.Succeeded, string.Join(", ", created.Problems.Select(p => p.Code)));
        Assert.Equal([new Problem(InputChecks.NameTaken, "Name")], duplicate.Problems);
        // Only the one accepted, its name trimmed, open.
        var track = Assert.Single(await db.Tracks.AsNoTracking().ToListAsync());
        Assert.Equal((created.Id, "含氟聚合物", fixture.Database.ChainId, (int?)fixture.Polymers, false),
            (track.Id, track.Name, track.ChainId, track.ChainNodeId, track.IsClaimed));
        var audit = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Track)).ToListAsync());
        Assert.Equal((AuditAction.Created, track.Id.ToString(), "mgr"), (audit.Action, audit.EntityId, audit.UserId));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Claiming_needs_a_commitment_a_due_date_after_the_claim_and_a_park_of_the_plan(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var db = fixture.Db;
        var otherPlan = new Plan { Name = "另一规划", StartYear = 2030, EndYear = 2034 };
        db.Plans.Add(otherPlan);
        await db.SaveChangesAsync();
        var foreignPark = new Park { PlanId = otherPlan.Id, Name = "别处园区", Kind = ParkKind.Park };
        db.Parks.Add(foreignPark);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var track = await fixture.OpenTrackAsync("含氟聚合物", fixture.Polymers);
        ClaimInput Claim() => new()
        {
            Scope = TargetScope.Park, UnitId = fixture.Base, LeaderName = " 王五 ", ClaimedOn = fixture.ClaimedOn, DueOn = fixture.DueOn,
            CommitEnterprises = 3, CommitInvestmentWan = 0,
        };
        var noCommitment = Claim();
        noCommitment.CommitEnterprises = 0;
        var dueOnClaimDay = Claim();
        dueOnClaimDay.DueOn = fixture.ClaimedOn;
        var foreign = Claim();
        foreign.UnitId = foreignPark.Id;
        var unknown = Claim();
        unknown.UnitId = 999_999;

        fixture.Database.User.Current = ProjectTestDatabase.Staff("staff-a", fixture.Database.TeamA);
        var byStaff = await fixture.Tracks.ClaimAsync(track.Id, Claim());
        fixture.Database.User.Current = Fixture.Manager;
        var refused = new[]
        {
            await fixture.Tracks.ClaimAsync(track.Id, noCommitment), await fixture.Tracks.ClaimAsync(track.Id, dueOnClaimDay),
            await fixture.Tracks.ClaimAsync(track.Id, foreign), await fixture.Tracks.ClaimAsync(track.Id, unknown),
        };
        db.ChangeTracker.Clear();
        var stillOpen = await db.Tracks.AsNoTracking().SingleAsync(t => t.Id == track.Id);
        var claimed = await fixture.Tracks.ClaimAsync(track.Id, Claim());
        db.ChangeTracker.Clear();
        var saved = await db.Tracks.AsNoTracking().SingleAsync(t => t.Id == track.Id);

        Assert.Equal([new Problem("Rule.NotAllowed")], byStaff.Problems);
        Assert.Equal(
            [
                [new Problem("Track.CommitmentRequired", "CommitEnterprises")], [new Problem("Track.DueAfterClaim", "DueOn")],
                [new Problem(InputChecks.Unknown, "UnitId")], [new Problem(InputChecks.Unknown, "UnitId")],
            ],
            refused.Select(o => o.Problems.ToArray()));
        Assert.False(stillOpen.IsClaimed);
        Assert.True(claimed.Succeeded, string.Join(", ", claimed.Problems.Select(p => p.Code)));
        // The leader's name trimmed; a zero commitment is no commitment.
        Assert.Equal((TargetScope.Park, fixture.Base, "王五", fixture.ClaimedOn, fixture.DueOn, 3, (decimal?)null),
            (saved.ClaimScope, saved.ClaimUnitId, saved.LeaderName, saved.ClaimedOn, saved.DueOn, saved.CommitEnterprises, saved.CommitInvestmentWan));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Reviewing_needs_a_claim_a_manager_and_a_reason_to_withdraw(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var db = fixture.Db;
        var open = await fixture.OpenTrackAsync("电解液", fixture.Electrolyte);
        var claimed = await fixture.ClaimedTrackAsync("含氟聚合物", fixture.Polymers, TargetScope.Park, fixture.Base);

        fixture.Database.User.Current = Fixture.Manager;
        var ofOpen = await fixture.Tracks.ReviewAsync(open.Id, new ReviewInput { ReviewedOn = fixture.Today, Verdict = TrackVerdict.Pass });
        var withdrawnSilently = await fixture.Tracks.ReviewAsync(claimed.Id,
            new ReviewInput { ReviewedOn = fixture.Today, Verdict = TrackVerdict.Withdrawn, Note = "  " });
        fixture.Database.User.Current = ProjectTestDatabase.Staff("staff-a", fixture.Database.TeamA);
        var byStaff = await fixture.Tracks.ReviewAsync(claimed.Id, new ReviewInput { ReviewedOn = fixture.Today, Verdict = TrackVerdict.Pass });
        db.ChangeTracker.Clear();

        Assert.Equal([new Problem("Track.NotClaimed")], ofOpen.Problems);
        Assert.Equal([new Problem("Track.WithdrawReasonRequired", "Note")], withdrawnSilently.Problems);
        Assert.Equal([new Problem("Rule.NotAllowed")], byStaff.Problems);
        Assert.Empty(await db.TrackReviews.AsNoTracking().ToListAsync());
        Assert.True((await db.Tracks.AsNoTracking().SingleAsync(t => t.Id == claimed.Id)).IsClaimed);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_review_keeps_the_figures_of_its_day_and_a_withdrawal_opens_the_track_again(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var db = fixture.Db;
        var jia = await fixture.ProjectAsync(fixture.On("甲", fixture.InnerPark, fixture.Polymers) with { ExpectedOutputWan = 4000, ExpectedTaxWan = 200 });
        await fixture.SignAsync(jia, 1500);
        await fixture.MoveAsync(await fixture.ProjectAsync(fixture.On("乙", fixture.Base, fixture.Polymers, planned: 2500)), "negotiation");
        var track = await fixture.ClaimedTrackAsync("含氟聚合物", fixture.Polymers, TargetScope.Park, fixture.Base);
        fixture.Database.User.Current = Fixture.Manager;

        var progress = (await fixture.Evaluation.ProgressAsync(track, fixture.Today))!;
        var reviewed = await fixture.Tracks.ReviewAsync(track.Id,
            new ReviewInput { ReviewedOn = fixture.Today, Verdict = TrackVerdict.Pass, Note = " 进展正常 " });
        // The count behind the review is reversed afterwards: the review keeps what it saw.
        await fixture.ReverseAsync(jia);
        fixture.Database.User.Current = Fixture.Manager;
        var withdrawn = await fixture.Tracks.ReviewAsync(track.Id,
            new ReviewInput { ReviewedOn = fixture.Today, Verdict = TrackVerdict.Withdrawn, Note = "签约项目撤销，退出揭榜" });
        db.ChangeTracker.Clear();
        var reviews = await db.TrackReviews.AsNoTracking().Where(r => r.TrackId == track.Id).OrderBy(r => r.Id).ToListAsync();
        var reopened = await db.Tracks.AsNoTracking().SingleAsync(t => t.Id == track.Id);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Track) && a.EntityId == track.Id.ToString()).OrderBy(a => a.Id).ToListAsync();

        Assert.True(reviewed.Succeeded, string.Join(", ", reviewed.Problems.Select(p => p.Code)));
        Assert.True(withdrawn.Succeeded, string.Join(", ", withdrawn.Problems.Select(p => p.Code)));
        // 甲 counted whole (1500 signed, 4000 output, 200 tax); 乙 open.
        Assert.Equal(new TrackFigures(1, 1, 1500m, 4000m, 200m, 1, 2500m), progress.Figures);
        Assert.Equal(2, reviews.Count);
        var (first, last) = (reviews[0], reviews[1]);
        Assert.Equal(
            (progress.Figures.Projects, progress.Figures.Enterprises, progress.Figures.InvestmentWan, progress.Figures.OutputValueWan,
                progress.Figures.TaxWan, progress.Figures.OpenProjects),
            (first.Projects, first.Enterprises, first.InvestmentWan, first.OutputValueWan, first.TaxWan, first.OpenProjects));
        Assert.Equal((TrackVerdict.Pass, "进展正常", "mgr", TargetScope.Park, fixture.Base, "王五", fixture.Today),
            (first.Verdict, first.Note, first.ReviewedById, first.ClaimScope, first.ClaimUnitId, first.LeaderName, first.ReviewedOn));
        // The withdrawal saw the reversal (nothing counted, 乙 still open) and keeps the claim it ended.
        Assert.Equal((TrackVerdict.Withdrawn, 0m, 0m, 0m, 1), (last.Verdict, last.Projects, last.InvestmentWan, last.TaxWan, last.OpenProjects));
        Assert.Equal((TargetScope.Park, fixture.Base, "王五"), (last.ClaimScope, last.ClaimUnitId, last.LeaderName));
        // The track is open again, with nothing left of the claim.
        Assert.False(reopened.IsClaimed);
        Assert.Equal(((TargetScope?)null, (int?)null, (string?)null, (DateOnly?)null, (DateOnly?)null, (int?)null, (decimal?)null),
            (reopened.ClaimScope, reopened.ClaimUnitId, reopened.LeaderName, reopened.ClaimedOn, reopened.DueOn, reopened.CommitEnterprises,
                reopened.CommitInvestmentWan));
        Assert.Null(await fixture.Evaluation.ProgressAsync(reopened));
        Assert.Empty(await fixture.Evaluation.CountedAsync(reopened));
        // Published, claimed, withdrawn: each in the audit trail.
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Updated], audit.Select(a => a.Action));
        Assert.Contains("ClaimScope", audit[^1].Changes);
        Assert.Equal(2, await db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityType == nameof(TrackReview)));
        // The list shows it open, with the withdrawal as its last verdict.
        var row = Assert.Single((await fixture.Tracks.ListAsync(fixture.PlanId))!.Value.Rows);
        Assert.Equal((track.Id, (UnitName?)null, (TrackProgress?)null, (TrackVerdict?)TrackVerdict.Withdrawn, (DateOnly?)fixture.Today),
            (row.Track.Id, row.Claimant, row.Progress, row.LastVerdict, row.LastReviewedOn));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_review_is_not_dated_after_today_nor_before_the_latest_review_and_the_list_shows_the_last(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var track = await fixture.ClaimedTrackAsync("含氟聚合物", fixture.Polymers, TargetScope.Park, fixture.Base);
        fixture.Database.User.Current = Fixture.Manager;
        Task<Outcome> Review(DateOnly on, TrackVerdict verdict) =>
            fixture.Tracks.ReviewAsync(track.Id, new ReviewInput { ReviewedOn = on, Verdict = verdict, Note = "考评" });

        var tomorrow = await Review(fixture.Today.AddDays(1), TrackVerdict.Pass);
        var farAhead = await Review(new DateOnly(2030, 6, 1), TrackVerdict.Excellent);
        var yesterday = await Review(fixture.Today.AddDays(-1), TrackVerdict.Pass);
        var before = await Review(fixture.Today.AddDays(-2), TrackVerdict.Withdrawn);
        // The same day as the latest is in order: the later one is the last.
        var sameDay = await Review(fixture.Today.AddDays(-1), TrackVerdict.Warning);
        fixture.Db.ChangeTracker.Clear();

        Assert.Equal([new Problem("Track.ReviewInFuture", "ReviewedOn")], tomorrow.Problems);
        Assert.Equal([new Problem("Track.ReviewInFuture", "ReviewedOn")], farAhead.Problems);
        Assert.True(yesterday.Succeeded, string.Join(", ", yesterday.Problems.Select(p => p.Code)));
        Assert.Equal([new Problem("Track.ReviewBeforeLast", "ReviewedOn")], before.Problems);
        Assert.True(sameDay.Succeeded, string.Join(", ", sameDay.Problems.Select(p => p.Code)));
        Assert.Equal([TrackVerdict.Pass, TrackVerdict.Warning],
            await fixture.Db.TrackReviews.AsNoTracking().Where(r => r.TrackId == track.Id).OrderBy(r => r.Id).Select(r => r.Verdict).ToListAsync());
        var row = Assert.Single((await fixture.Tracks.ListAsync(fixture.PlanId))!.Value.Rows);
        Assert.Equal((true, (TrackVerdict?)TrackVerdict.Warning, (DateOnly?)fixture.Today.AddDays(-1)),
            (row.Track.IsClaimed, row.LastVerdict, row.LastReviewedOn));
        var detail = (await fixture.Tracks.DetailAsync(track.Id))!;
        Assert.Equal((TrackVerdict?)TrackVerdict.Warning, detail.Row.LastVerdict);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_claim_is_dated_between_the_publication_or_last_withdrawal_and_its_first_review(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var track = await fixture.ClaimedTrackAsync("含氟聚合物", fixture.Polymers, TargetScope.Park, fixture.Base);
        fixture.Database.User.Current = Fixture.Manager;
        var reviewed = await fixture.Tracks.ReviewAsync(track.Id, new ReviewInput { ReviewedOn = fixture.Today.AddDays(-1), Verdict = TrackVerdict.Pass });
        Assert.True(reviewed.Succeeded, string.Join(", ", reviewed.Problems.Select(p => p.Code)));
        Task<Outcome> Claim(DateOnly on) => fixture.Tracks.ClaimAsync(track.Id, new ClaimInput
        {
            Scope = TargetScope.Park, UnitId = fixture.Base, LeaderName = "王五", ClaimedOn = on, DueOn = on.AddMonths(6), CommitEnterprises = 5,
        });

        var afterReview = await Claim(fixture.Today);
        var beforePublished = await Claim(track.PublishedOn.AddDays(-1));
        var amended = await Claim(fixture.Today.AddDays(-2));
        var withdrawn = await fixture.Tracks.ReviewAsync(track.Id,
            new ReviewInput { ReviewedOn = fixture.Today, Verdict = TrackVerdict.Withdrawn, Note = "退出" });
        // Claimed again: not before the withdrawal, and the old claim's reviews no longer bound it.
        var beforeWithdrawal = await Claim(fixture.Today.AddDays(-1));
        var claimedAgain = await Claim(fixture.Today);
        var publishedLater = await fixture.Tracks.UpdateAsync(track.Id, new TrackInput
        {
            Name = track.Name, ChainId = track.ChainId, ChainNodeId = track.ChainNodeId, PublishedOn = fixture.Today.AddDays(1),
        });
        fixture.Db.ChangeTracker.Clear();

        Assert.Equal([new Problem("Track.ClaimAfterReview", "ClaimedOn")], afterReview.Problems);
        Assert.Equal([new Problem("Track.ClaimBeforePublished", "ClaimedOn")], beforePublished.Problems);
        Assert.True(amended.Succeeded, string.Join(", ", amended.Problems.Select(p => p.Code)));
        Assert.True(withdrawn.Succeeded, string.Join(", ", withdrawn.Problems.Select(p => p.Code)));
        Assert.Equal([new Problem("Track.ClaimBeforeWithdrawal", "ClaimedOn")], beforeWithdrawal.Problems);
        Assert.True(claimedAgain.Succeeded, string.Join(", ", claimedAgain.Problems.Select(p => p.Code)));
        Assert.Equal([new Problem("Track.PublishedAfterClaim", "PublishedOn")], publishedLater.Problems);
        var saved = await fixture.Db.Tracks.AsNoTracking().SingleAsync(t => t.Id == track.Id);
        Assert.Equal(((DateOnly?)fixture.Today, track.PublishedOn), (saved.ClaimedOn, saved.PublishedOn));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Negative_commitments_are_refused_alike_and_the_trail_writes_amounts_as_typed(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var track = await fixture.ClaimedTrackAsync("含氟聚合物", fixture.Polymers, TargetScope.Park, fixture.Base, investment: 80_000);
        fixture.Database.User.Current = Fixture.Manager;
        ClaimInput Claim(int? enterprises, decimal? investment) => new()
        {
            Scope = TargetScope.Park, UnitId = fixture.Base, LeaderName = "王五", ClaimedOn = fixture.ClaimedOn, DueOn = fixture.DueOn,
            CommitEnterprises = enterprises, CommitInvestmentWan = investment,
        };

        var negative = await fixture.Tracks.ClaimAsync(track.Id, Claim(-1, -1));
        // The amount read back from the database (80000.0 in SQLite, 80000.00 in PostgreSQL) is dropped.
        var amended = await fixture.Tracks.ClaimAsync(track.Id, Claim(5, null));
        fixture.Db.ChangeTracker.Clear();
        var trail = await new AuditLog(fixture.Db).ForAsync(nameof(Track), track.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([new Problem(InputChecks.NotNegative, "CommitEnterprises"), new Problem(InputChecks.NotNegative, "CommitInvestmentWan")],
            negative.Problems);
        Assert.True(amended.Succeeded, string.Join(", ", amended.Problems.Select(p => p.Code)));
        var investment = trail.SelectMany(v => v.Changes.Where(c => c.Field == nameof(Track.CommitInvestmentWan))).Select(c => (c.Old, c.New)).Reverse();
        Assert.Equal([(null, "80000"), ("80000", null)], investment);
        var stored = await fixture.Db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Track) && a.EntityId == track.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync();
        Assert.Contains("\"old\":\"80000\",", stored[^1]);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task The_trail_names_each_claimant_by_the_scope_of_its_day(string provider)
    {
        await using var fixture = await Fixture.CreateAsync(provider);
        var db = fixture.Db;
        var track = await fixture.ClaimedTrackAsync("含氟聚合物", fixture.Polymers, TargetScope.Park, fixture.Base);
        fixture.Database.User.Current = Fixture.Manager;
        // Another park (the scope stays), then a team (the scope changes with it), then withdrawn (both cleared).
        foreach (var (scope, unit) in new[] { (TargetScope.Park, fixture.OtherPark), (TargetScope.Team, fixture.Database.TeamA) })
        {
            var amended = await fixture.Tracks.ClaimAsync(track.Id, new ClaimInput
            {
                Scope = scope, UnitId = unit, LeaderName = "王五", ClaimedOn = fixture.ClaimedOn, DueOn = fixture.DueOn, CommitEnterprises = 5,
            });
            Assert.True(amended.Succeeded, string.Join(", ", amended.Problems.Select(p => p.Code)));
        }

        var withdrawn = await fixture.Tracks.ReviewAsync(track.Id,
            new ReviewInput { ReviewedOn = fixture.Today, Verdict = TrackVerdict.Withdrawn, Note = "改由招商组揭榜后未推进" });
        Assert.True(withdrawn.Succeeded, string.Join(", ", withdrawn.Problems.Select(p => p.Code)));
        db.ChangeTracker.Clear();
        var parks = await db.Parks.AsNoTracking().ToDictionaryAsync(p => p.Id, p => $"{p.Name} (#{p.Id})");
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == fixture.Database.TeamA).Select(t => t.Name).SingleAsync();

        var trail = await new AuditLog(db).ForAsync(nameof(Track), track.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var claimants = trail.SelectMany(v => v.Changes.Where(c => c.Field == nameof(Track.ClaimUnitId))).Select(c => (c.Old, c.New)).Reverse().ToList();
        Assert.Equal(
        [
            (null, parks[fixture.Base]),
            (parks[fixture.Base], parks[fixture.OtherPark]),
            (parks[fixture.OtherPark], $"{team} (#{fixture.Database.TeamA})"),
            ($"{team} (#{fixture.Database.TeamA})", null),
        ], claimants);
        // The review rows name theirs too: each keeps the claim it ended.
        var review = await db.TrackReviews.AsNoTracking().SingleAsync(r => r.TrackId == track.Id);
        var reviewTrail = Assert.Single(await new AuditLog(db).ForAsync(nameof(TrackReview), review.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal($"{team} (#{fixture.Database.TeamA})", Assert.Single(reviewTrail.Changes, c => c.Field == nameof(TrackReview.ClaimUnitId)).New);
    }

    /// <summary>A clock held at one instant, so "today" cannot move during a test.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    private sealed class Fixture : IAsyncDisposable
    {
        public static readonly CurrentUser Manager = new("mgr", "经理", new HashSet<string> { Roles.Manager }, null, null);

        private Fixture(ProjectTestDatabase database)
        {
            Database = database;
            var db = database.Db;
            // Today in China time, held for the test; the ledger counts at the real time, later on that same day.
            var now = DateTimeOffset.UtcNow;
            Today = DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime);
            Evaluation = new TrackEvaluation(db,
                new TargetProgress(db, new TargetCatalog(db, new ReferenceCache()), new LedgerQueries(db), new ReferenceCache(), TimeProvider.System),
                new FixedClock(now));
            Tracks = new TrackService(db, Evaluation, new TargetCatalog(db, new ReferenceCache()), new PlanCatalog(db), TimeProvider.System);
        }

        public ProjectTestDatabase Database { get; }
        public CrmDbContext Db => Database.Db;
        public TrackEvaluation Evaluation { get; }
        public TrackService Tracks { get; }
        public DateOnly Today { get; }
        public DateOnly ClaimedOn => Today.AddDays(-3);
        public DateOnly DueOn => ClaimedOn.AddMonths(6);
        public int PlanId { get; private set; }

        /// <summary>氟新材料产业基地, with 清流氟新材料产业园 inside it.</summary>
        public int Base { get; private set; }
        public int InnerPark { get; private set; }

        /// <summary>海西生物医药产业园: nothing to do with the base.</summary>
        public int OtherPark { get; private set; }
        public int Polymers { get; private set; }
        public int Electrolyte { get; private set; }

        public static async Task<Fixture> CreateAsync(string provider)
        {
            var fixture = new Fixture(await ProjectTestDatabase.CreateAsync(provider));
            await fixture.BuildAsync();
            return fixture;
        }

        private async Task BuildAsync()
        {
            var db = Db;
            PlanId = (await db.Plans.AsNoTracking().SingleAsync()).Id;
            var parentPark = new Park { PlanId = PlanId, Name = "氟新材料产业基地", Kind = ParkKind.IndustrialBase };
            var otherPark = new Park { PlanId = PlanId, Name = "海西生物医药产业园", Kind = ParkKind.Park };
            db.Parks.AddRange(parentPark, otherPark);
            await db.SaveChangesAsync();
            var innerPark = new Park { PlanId = PlanId, ParentId = parentPark.Id, Name = "清流氟新材料产业园", Kind = ParkKind.Park };
            db.Parks.Add(innerPark);
            var polymers = new ChainNode { ChainId = Database.ChainId, Segment = ChainSegment.Midstream, Name = "含氟聚合物" };
            var electrolyte = new ChainNode { ChainId = Database.ChainId, Segment = ChainSegment.Downstream, Name = "电解液" };
            db.ChainNodes.AddRange(polymers, electrolyte);
            await db.SaveChangesAsync();
            (Base, InnerPark, OtherPark, Polymers, Electrolyte) = (parentPark.Id, innerPark.Id, otherPark.Id, polymers.Id, electrolyte.Id);
            db.ChangeTracker.Clear();
        }

        /// <summary>A project of team A on the fluorine chain (a link of it when <paramref name="node"/> is given).</summary>
        public ProjectInput On(string name, int? park, int? node, decimal? planned = null) => new()
        {
            Title = $"项目{name}", OwnerId = "staff-a", TeamId = Database.TeamA, ParkId = park, ChainId = Database.ChainId, ChainNodeId = node,
            PlannedInvestmentWan = planned,
        };

        /// <summary>Creates the project (as the system, like an import) for a new enterprise named after it.</summary>
        public async Task<int> ProjectAsync(ProjectInput input)
        {
            var enterprise = await Database.EnterpriseAsync(input.Title.Replace("项目", "") + "有限公司");
            var outcome = await AsSystem(() => Database.Projects.CreateAsync(input with { EnterpriseId = enterprise }));
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            return outcome.Id;
        }

        /// <summary>Signs the project: the ledger counts it now, with the signed amount as its investment.</summary>
        public Task SignAsync(int project, decimal amountWan) =>
            MoveAsync(project, "signed", new StageFacts { AgreementDate = Today, SignedAmountWan = amountWan });

        public async Task MoveAsync(int project, string stage, StageFacts? facts = null)
        {
            var version = await Version(project);
            var outcome = await AsSystem(() =>
                Database.Projects.MoveAsync(project, version, new StageMove(Database.Stage(stage).Id, null) { Facts = facts }));
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        }

        public async Task DropAsync(int project)
        {
            var version = await Version(project);
            var outcome = await AsSystem(() =>
                Database.Projects.SetStatusAsync(project, version, ProjectStatus.Dropped, "企业战略调整", DropReason.StrategyChange));
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        }

        public async Task ReverseAsync(int project)
        {
            var entry = await Db.LedgerEntries.AsNoTracking().SingleAsync(e => e.ProjectId == project);
            var outcome = await AsSystem(() => new LedgerService(Db, TimeProvider.System).ReverseAsync(entry.Id, "重复上报"));
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
        }

        /// <summary>
        /// Moves the project's count to 10:00 (China time) on <paramref name="day"/>, straight in the table. The ledger's
        /// summaries no longer match it, but the evaluation reads the entries themselves.
        /// </summary>
        public async Task CountedOnAsync(int project, DateOnly day)
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime();
            var updated = await Db.LedgerEntries.Where(e => e.ProjectId == project).ExecuteUpdateAsync(s => s.SetProperty(e => e.CountedAt, at));
            Assert.Equal(1, updated);
        }

        /// <summary>Publishes a track on the fluorine chain (one link of it when <paramref name="node"/> is given), as a manager.</summary>
        public async Task<Track> OpenTrackAsync(string name, int? node)
        {
            var outcome = await As(Manager, () => Tracks.CreateAsync(PlanId,
                new TrackInput { Name = name, ChainId = Database.ChainId, ChainNodeId = node, PublishedOn = ClaimedOn.AddDays(-30) }));
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            return await Db.Tracks.AsNoTracking().SingleAsync(t => t.Id == outcome.Id);
        }

        /// <summary>Publishes a track and records its claim by 王五, from <paramref name="claimedOn"/> (three days ago) for six months.</summary>
        public async Task<Track> ClaimedTrackAsync(string name, int? node, TargetScope scope, int unit,
            int? enterprises = 5, decimal? investment = 10_000, DateOnly? claimedOn = null)
        {
            var track = await OpenTrackAsync(name, node);
            var claimed = claimedOn ?? ClaimedOn;
            var outcome = await As(Manager, () => Tracks.ClaimAsync(track.Id, new ClaimInput
            {
                Scope = scope, UnitId = unit, LeaderName = "王五", ClaimedOn = claimed, DueOn = claimed.AddMonths(6),
                CommitEnterprises = enterprises, CommitInvestmentWan = investment,
            }));
            Assert.True(outcome.Succeeded, string.Join(", ", outcome.Problems.Select(p => p.Code)));
            return await Db.Tracks.AsNoTracking().SingleAsync(t => t.Id == track.Id);
        }

        private Task<int> Version(int project) =>
            Db.Projects.AsNoTracking().Where(p => p.Id == project).Select(p => p.Version).SingleAsync();

        private Task<T> AsSystem<T>(Func<Task<T>> action) => As(CurrentUser.System, action);

        /// <summary>Runs <paramref name="action"/> signed in as <paramref name="user"/>, then restores whoever was signed in.</summary>
        private async Task<T> As<T>(CurrentUser user, Func<Task<T>> action)
        {
            var before = Database.User.Current;
            Database.User.Current = user;
            try
            {
                return await action();
            }
            finally
            {
                Database.User.Current = before;
                Db.ChangeTracker.Clear();
            }
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
