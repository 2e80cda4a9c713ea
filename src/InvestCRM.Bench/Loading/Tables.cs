using InvestCRM.Features.Activities;
using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Events;
using InvestCRM.Features.Projects;
using NpgsqlTypes;

namespace InvestCRM.Bench.Loading;

/// <summary>A column as the migrations created it: its name, its PostgreSQL type and how to read it from a row.</summary>
internal sealed record Column<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

internal sealed record Table<T>(string Name, Column<T>[] Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

/// <summary>
/// The tables the bulk loader writes, column by column. Enums are stored as their names and flags as numbers,
/// exactly as the EF model's conventions store them (CrmDbContext.ConfigureConventions).
/// </summary>
internal static class Tables
{
    private static Column<T> Int<T>(string name, Func<T, int?> value) => new(name, NpgsqlDbType.Integer, r => value(r));
    private static Column<T> Long<T>(string name, Func<T, long> value) => new(name, NpgsqlDbType.Bigint, r => value(r));
    private static Column<T> Text<T>(string name, Func<T, string?> value) => new(name, NpgsqlDbType.Varchar, value);
    private static Column<T> Money<T>(string name, Func<T, decimal?> value) => new(name, NpgsqlDbType.Numeric, r => value(r));
    private static Column<T> Time<T>(string name, Func<T, DateTimeOffset?> value) => new(name, NpgsqlDbType.TimestampTz, r => value(r));
    private static Column<T> Day<T>(string name, Func<T, DateOnly?> value) => new(name, NpgsqlDbType.Date, r => value(r));
    private static Column<T> Flag<T>(string name, Func<T, bool> value) => new(name, NpgsqlDbType.Boolean, r => value(r));
    private static Column<T> Enum<T>(string name, Func<T, System.Enum?> value) => new(name, NpgsqlDbType.Varchar, r => value(r)?.ToString());

    public static readonly Table<CrmEvent> Events = new("Events",
    [
        Int<CrmEvent>("Id", e => e.Id), Text<CrmEvent>("Name", e => e.Name), Day<CrmEvent>("Date", e => e.Date),
        Text<CrmEvent>("City", e => e.City), Text<CrmEvent>("Description", e => e.Description),
    ]);

    public static readonly Table<Enterprise> Enterprises = new("Enterprises",
    [
        Int<Enterprise>("Id", e => e.Id), Text<Enterprise>("Name", e => e.Name), Text<Enterprise>("NormalizedName", e => e.NormalizedName),
        Text<Enterprise>("CreditCode", e => e.CreditCode), Text<Enterprise>("Industry", e => e.Industry), Text<Enterprise>("HqProvince", e => e.HqProvince),
        Text<Enterprise>("HqCity", e => e.HqCity), Enum<Enterprise>("Size", e => e.Size), Text<Enterprise>("Website", e => e.Website),
        Text<Enterprise>("Description", e => e.Description), Text<Enterprise>("Tags", e => e.Tags), Time<Enterprise>("CreatedAt", e => e.CreatedAt),
        Flag<Enterprise>("IsLocal", e => e.IsLocal), Int<Enterprise>("Version", e => e.Version),
    ]);

    public static readonly Table<EnterpriseChainNode> EnterpriseChainNodes = new("EnterpriseChainNodes",
        [Int<EnterpriseChainNode>("EnterpriseId", n => n.EnterpriseId), Int<EnterpriseChainNode>("ChainNodeId", n => n.ChainNodeId)]);

    public static readonly Table<Contact> Contacts = new("Contacts",
    [
        Int<Contact>("Id", c => c.Id), Int<Contact>("EnterpriseId", c => c.EnterpriseId), Text<Contact>("Name", c => c.Name),
        Text<Contact>("Title", c => c.Title), Text<Contact>("Phone", c => c.Phone), Text<Contact>("Email", c => c.Email),
        Text<Contact>("WeChat", c => c.WeChat), Text<Contact>("Notes", c => c.Notes),
    ]);

    public static readonly Table<Project> Projects = new("Projects",
    [
        Int<Project>("Id", p => p.Id), Int<Project>("EnterpriseId", p => p.EnterpriseId), Text<Project>("Title", p => p.Title),
        Enum<Project>("Source", p => p.Source), Int<Project>("IncubatorId", p => p.IncubatorId), Int<Project>("EventId", p => p.EventId),
        Text<Project>("OwnerId", p => p.OwnerId), Int<Project>("TeamId", p => p.TeamId), Int<Project>("ParkId", p => p.ParkId),
        Int<Project>("ChainId", p => p.ChainId), Int<Project>("ChainNodeId", p => p.ChainNodeId),
        Money<Project>("PlannedInvestmentWan", p => p.PlannedInvestmentWan), Money<Project>("ExpectedOutputWan", p => p.ExpectedOutputWan),
        Money<Project>("ExpectedTaxWan", p => p.ExpectedTaxWan), Money<Project>("LandMu", p => p.LandMu), Int<Project>("Jobs", p => p.Jobs),
        Flag<Project>("IsExpansion", p => p.IsExpansion), Money<Project>("ExpansionIncrementWan", p => p.ExpansionIncrementWan),
        Int<Project>("StageId", p => p.StageId), Time<Project>("StageEnteredAt", p => p.StageEnteredAt), Enum<Project>("Status", p => p.Status),
        Text<Project>("StatusReason", p => p.StatusReason), Enum<Project>("DropReason", p => p.DropReason), Day<Project>("NextActionOn", p => p.NextActionOn),
        Day<Project>("AgreementDate", p => p.AgreementDate), Money<Project>("SignedAmountWan", p => p.SignedAmountWan),
        Text<Project>("LocalEntityCreditCode", p => p.LocalEntityCreditCode), Day<Project>("RegisteredOn", p => p.RegisteredOn),
        Day<Project>("ConstructionStartedOn", p => p.ConstructionStartedOn), Day<Project>("ProductionStartedOn", p => p.ProductionStartedOn),
        Text<Project>("Notes", p => p.Notes), Time<Project>("CreatedAt", p => p.CreatedAt), Time<Project>("UpdatedAt", p => p.UpdatedAt),
        Time<Project>("LastActivityAt", p => p.LastActivityAt), Int<Project>("Version", p => p.Version),
    ]);

    public static readonly Table<StageChange> StageChanges = new("StageChanges",
    [
        Long<StageChange>("Id", c => c.Id), Int<StageChange>("ProjectId", c => c.ProjectId), Int<StageChange>("FromStageId", c => c.FromStageId),
        Int<StageChange>("ToStageId", c => c.ToStageId), Enum<StageChange>("FromStatus", c => c.FromStatus), Enum<StageChange>("ToStatus", c => c.ToStatus),
        Time<StageChange>("At", c => c.At), Text<StageChange>("UserId", c => c.UserId), Text<StageChange>("UserName", c => c.UserName),
        Text<StageChange>("Note", c => c.Note), Enum<StageChange>("DropReason", c => c.DropReason),
    ]);

    public static readonly Table<StageReached> StageReached = new("StageReached",
        [Int<StageReached>("ProjectId", r => r.ProjectId), Int<StageReached>("StageId", r => r.StageId), Time<StageReached>("FirstReachedAt", r => r.FirstReachedAt)]);

    public static readonly Table<Activity> Activities = new("Activities",
    [
        Long<Activity>("Id", a => a.Id), Enum<Activity>("Type", a => a.Type), Time<Activity>("OccurredAt", a => a.OccurredAt),
        Text<Activity>("Place", a => a.Place), Text<Activity>("Summary", a => a.Summary), Text<Activity>("Outcome", a => a.Outcome),
        Text<Activity>("NextStep", a => a.NextStep), Day<Activity>("FollowUpOn", a => a.FollowUpOn), Flag<Activity>("FollowUpDone", a => a.FollowUpDone),
        Int<Activity>("ProjectId", a => a.ProjectId), Int<Activity>("EnterpriseId", a => a.EnterpriseId), Int<Activity>("EventId", a => a.EventId),
        Text<Activity>("CreatedById", a => a.CreatedById), Time<Activity>("CreatedAt", a => a.CreatedAt),
    ]);

    public static readonly Table<ActivityParticipant> ActivityParticipants = new("ActivityParticipants",
    [
        Long<ActivityParticipant>("ActivityId", p => p.ActivityId), Text<ActivityParticipant>("UserId", p => p.UserId),
        Day<ActivityParticipant>("FollowUpOn", p => p.FollowUpOn), Flag<ActivityParticipant>("FollowUpDone", p => p.FollowUpDone),
    ]);

    public static readonly Table<ActivityContact> ActivityContacts = new("ActivityContacts",
        [Long<ActivityContact>("ActivityId", c => c.ActivityId), Int<ActivityContact>("ContactId", c => c.ContactId)]);
}
