using InvestCRM.Features.Common;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Tests.Features.Projects;

public class ProjectServiceTests
{
    private static async Task<(ProjectTestDatabase Db, int Id)> WithProjectAsync(string provider, string owner = "staff-a")
    {
        var db = await ProjectTestDatabase.CreateAsync(provider);
        db.User.Current = ProjectTestDatabase.Staff(owner, owner == "staff-a" ? db.TeamA : db.TeamB);
        var enterprise = await db.EnterpriseAsync("三明氟材料科技有限公司");
        var created = await db.Projects.CreateAsync(new ProjectInput { EnterpriseId = enterprise, Title = "含氟新材料项目" });
        Assert.True(created.Succeeded, string.Join(",", created.Problems));
        db.Db.ChangeTracker.Clear();
        return (db, created.Id);
    }

    private static async Task<Project> ReloadAsync(ProjectTestDatabase db, int id)
    {
        db.Db.ChangeTracker.Clear();
        return await db.Db.Projects.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Moving_forward_into_signed_is_refused_without_facts_and_allowed_with_them(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        var signed = db.Stage("signed").Id;

        var refused = await db.Projects.MoveAsync(id, 0, new StageMove(signed, null));
        var unchanged = await ReloadAsync(db, id);
        var allowed = await db.Projects.MoveAsync(id, unchanged.Version, new StageMove(signed, null)
        {
            Facts = new StageFacts { AgreementDate = new DateOnly(2026, 5, 1), SignedAmountWan = 12000 },
        });
        var moved = await ReloadAsync(db, id);

        Assert.Equal(["Rule.MissingFact.AgreementDate", "Rule.MissingFact.SignedAmount"], refused.Problems.Select(p => p.Code));
        Assert.Equal(db.Stage("lead").Id, unchanged.StageId);
        Assert.True(allowed.Succeeded);
        Assert.Equal(signed, moved.StageId);
        Assert.Equal(12000m, moved.SignedAmountWan);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Landing_dates_out_of_the_pipelines_order_are_refused_on_the_later_field_and_nothing_is_saved(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        var enterprise = (await ReloadAsync(db, id)).EnterpriseId;
        ProjectInput Dates(DateOnly? registered, DateOnly? construction, DateOnly? production) => new()
        {
            EnterpriseId = enterprise, Title = "含氟新材料项目", AgreementDate = new DateOnly(2026, 5, 1),
            RegisteredOn = registered, ConstructionStartedOn = construction, ProductionStartedOn = production,
        };

        var producedFirst = await db.Projects.UpdateAsync(id, 0, Dates(new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 1), new DateOnly(2026, 7, 1)));
        var beforeSigning = await db.Projects.UpdateAsync(id, 0, Dates(new DateOnly(2026, 4, 30), null, new DateOnly(2026, 4, 1)));
        var unchanged = await ReloadAsync(db, id);
        var sameDay = await db.Projects.UpdateAsync(id, 0, Dates(new DateOnly(2026, 5, 1), null, new DateOnly(2026, 5, 1)));

        Assert.Equal([new Problem(StageDates.OutOfOrder, nameof(ProjectInput.ProductionStartedOn))], producedFirst.Problems);
        Assert.Equal([new Problem(StageDates.OutOfOrder, nameof(ProjectInput.RegisteredOn)), new Problem(StageDates.OutOfOrder, nameof(ProjectInput.ProductionStartedOn))],
            beforeSigning.Problems);
        Assert.Equal((null, null, 0), (unchanged.AgreementDate, unchanged.ProductionStartedOn, unchanged.Version));
        Assert.True(sameDay.Succeeded, string.Join(",", sameDay.Problems));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_landing_date_before_2000_or_after_today_is_refused_on_an_edit_and_on_a_move(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        var enterprise = (await ReloadAsync(db, id)).EnterpriseId;
        var tomorrow = DateOnly.FromDateTime(ChinaTime.Clock.GetLocalNow().DateTime).AddDays(1);

        var edit = await db.Projects.UpdateAsync(id, 0, new ProjectInput { EnterpriseId = enterprise, Title = "含氟新材料项目", AgreementDate = new DateOnly(1900, 1, 1) });
        var move = await db.Projects.MoveAsync(id, 0, new StageMove(db.Stage("signed").Id, null)
        {
            Facts = new StageFacts { AgreementDate = tomorrow, SignedAmountWan = 12000 },
        });
        var project = await ReloadAsync(db, id);

        Assert.Equal([new Problem(StageDates.OutOfRange, nameof(ProjectInput.AgreementDate))], edit.Problems);
        Assert.Equal([new Problem(StageDates.OutOfRange, nameof(StageFacts.AgreementDate))], move.Problems);
        Assert.Equal((db.Stage("lead").Id, null, 0), (project.StageId, project.AgreementDate, project.Version));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_move_giving_a_date_before_the_projects_earlier_stage_is_refused_on_the_date_it_gives(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        Assert.True((await db.Projects.MoveAsync(id, 0, new StageMove(db.Stage("signed").Id, null)
        {
            Facts = new StageFacts { AgreementDate = new DateOnly(2026, 5, 1), SignedAmountWan = 12000 },
        })).Succeeded);

        var refused = await db.Projects.MoveAsync(id, 1, new StageMove(db.Stage("registered").Id, null)
        {
            Facts = new StageFacts { LocalEntityCreditCode = "91350400MA2Y0XKQ1" + CreditCode.CheckCharacter("91350400MA2Y0XKQ1"), RegisteredOn = new DateOnly(2026, 4, 20) },
        });
        var project = await ReloadAsync(db, id);

        Assert.Equal([new Problem(StageDates.OutOfOrder, nameof(StageFacts.RegisteredOn))], refused.Problems);
        Assert.Equal((db.Stage("signed").Id, null, 1), (project.StageId, project.RegisteredOn, project.Version));
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Refused_facts_are_not_saved_with_a_refused_move(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;

        var refused = await db.Projects.MoveAsync(id, 0, new StageMove(db.Stage("signed").Id, null)
        {
            Facts = new StageFacts { AgreementDate = new DateOnly(2026, 5, 1) },
        });
        await db.Db.SaveChangesAsync();
        var project = await ReloadAsync(db, id);

        Assert.False(refused.Succeeded);
        Assert.Null(project.AgreementDate);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Stage_reached_is_written_once_per_stage_and_the_first_reach_is_kept(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        var (contact, visit) = (db.Stage("contact").Id, db.Stage("site-visit").Id);

        Assert.True((await db.Projects.MoveAsync(id, 0, new StageMove(visit, null))).Succeeded);
        var first = await db.Db.StagesReached.AsNoTracking().SingleAsync(r => r.ProjectId == id && r.StageId == visit);
        Assert.True((await db.Projects.MoveAsync(id, 1, new StageMove(contact, "客户要求重新接洽"))).Succeeded);
        Assert.True((await db.Projects.MoveAsync(id, 2, new StageMove(visit, null))).Succeeded);
        db.Db.ChangeTracker.Clear();
        var reached = await db.Db.StagesReached.AsNoTracking().Where(r => r.ProjectId == id).ToListAsync();

        Assert.Equal(3, reached.Count);
        Assert.Single(reached, r => r.StageId == visit);
        Assert.Equal(first.FirstReachedAt, reached.Single(r => r.StageId == visit).FirstReachedAt);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Stage_changes_are_recorded_for_moves_and_status_changes(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;

        Assert.True((await db.Projects.MoveAsync(id, 0, new StageMove(db.Stage("contact").Id, null))).Succeeded);
        Assert.True((await db.Projects.SetStatusAsync(id, 1, ProjectStatus.Dropped, "企业转投他地", DropReason.SiteElsewhere)).Succeeded);
        db.Db.ChangeTracker.Clear();
        var changes = await db.Db.StageChanges.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.Id).ToListAsync();
        var detail = await db.Queries.DetailAsync(id);

        Assert.Equal(3, changes.Count);
        Assert.Equal(db.Stage("contact").Id, changes[1].ToStageId);
        Assert.Equal((ProjectStatus.Active, ProjectStatus.Dropped, "企业转投他地"), (changes[2].FromStatus, changes[2].ToStatus, changes[2].Note));
        Assert.Equal(["lead", "contact"], detail!.Timeline.Select(t => db.Stages.Single(s => s.Id == t.StageId).Code));
        Assert.NotNull(detail.Timeline[0].LeftAt);
        Assert.Null(detail.Timeline[1].LeftAt);
    }

    /// <summary>A tampered or stale form names a team, park, chain or event that does not exist: refused per field, not a database error.</summary>
    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_team_park_chain_or_event_that_does_not_exist_is_refused_on_its_field(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        var input = ProjectInput.From(await ReloadAsync(db, id)) with { TeamId = 0, ParkId = -1, ChainId = 999_999, EventId = 999_999 };

        var edit = await db.Projects.UpdateAsync(id, 0, input);
        var create = await db.Projects.CreateAsync(input with { Title = "新项目" });

        Assert.All([edit, create], o => Assert.Equal(
            [("Validation.UnknownChoice", "EventId"), ("Validation.UnknownChoice", "TeamId"), ("Validation.UnknownChoice", "ParkId"), ("Validation.UnknownChoice", "ChainId")],
            o.Problems.Select(p => (p.Code, p.Field))));
        Assert.Equal((0, (int?)db.TeamA), ((await ReloadAsync(db, id)).Version, (await ReloadAsync(db, id)).TeamId));
        Assert.Equal(1, await db.Db.Projects.CountAsync());
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task Staff_of_another_team_cannot_edit_or_move(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        db.User.Current = ProjectTestDatabase.Staff("staff-b", db.TeamB);
        var input = ProjectInput.From(await ReloadAsync(db, id)) with { Title = "改名" };

        var edit = await db.Projects.UpdateAsync(id, 0, input);
        var move = await db.Projects.MoveAsync(id, 0, new StageMove(db.Stage("contact").Id, null));
        var status = await db.Projects.SetStatusAsync(id, 0, ProjectStatus.Dropped, "x", DropReason.Other);
        var project = await ReloadAsync(db, id);

        Assert.All([edit, move, status], o => Assert.Equal(["Rule.NotAllowed"], o.Problems.Select(p => p.Code)));
        Assert.Equal(("含氟新材料项目", db.Stage("lead").Id, ProjectStatus.Active, 0), (project.Title, project.StageId, project.Status, project.Version));
        Assert.False((await db.Queries.DetailAsync(id))!.CanEdit);
    }

    [Theory]
    [MemberData(nameof(ProjectTestDatabase.Providers), MemberType = typeof(ProjectTestDatabase))]
    public async Task A_stale_version_is_refused_and_changes_nothing(string provider)
    {
        var (db, id) = await WithProjectAsync(provider);
        await using var _ = db;
        var input = ProjectInput.From(await ReloadAsync(db, id));
        Assert.True((await db.Projects.UpdateAsync(id, 0, input with { Title = "第一次保存" })).Succeeded);

        var stale = await db.Projects.UpdateAsync(id, 0, input with { Title = "过期的保存" });
        var staleMove = await db.Projects.MoveAsync(id, 0, new StageMove(db.Stage("contact").Id, null));
        var project = await ReloadAsync(db, id);

        Assert.Equal(["Rule.Concurrency"], stale.Problems.Select(p => p.Code));
        Assert.Equal(["Rule.Concurrency"], staleMove.Problems.Select(p => p.Code));
        Assert.Equal(("第一次保存", 1, db.Stage("lead").Id), (project.Title, project.Version, project.StageId));
    }
}
