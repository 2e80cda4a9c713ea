using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAndPartners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SecondaryCreditId",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SecondaryCreditPercent",
                table: "Projects",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryCreditScope",
                table: "Projects",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CountingStageId",
                table: "PlanTargets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "OffshoreIncubators",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreementEnd",
                table: "OffshoreIncubators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreementStart",
                table: "OffshoreIncubators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_OffshoreIncubators_IncubatorId",
                        column: x => x.IncubatorId,
                        principalTable: "OffshoreIncubators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncubatorContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncubatorContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncubatorContacts_OffshoreIncubators_IncubatorId",
                        column: x => x.IncubatorId,
                        principalTable: "OffshoreIncubators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncubatorStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncubatorStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncubatorStatusChanges_OffshoreIncubators_IncubatorId",
                        column: x => x.IncubatorId,
                        principalTable: "OffshoreIncubators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IsExpansion = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsIncubated = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvestmentWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OutputValueWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    TaxWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    LandMu = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ParkId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChainNodeId = table.Column<int>(type: "INTEGER", nullable: true),
                    SecondaryScope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SecondaryId = table.Column<int>(type: "INTEGER", nullable: true),
                    SecondarySharePercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ReversedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReversedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_PipelineStages_StageId",
                        column: x => x.StageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerSummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ParkId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainNodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    SplitScope = table.Column<int>(type: "INTEGER", nullable: false),
                    Projects = table.Column<int>(type: "INTEGER", nullable: false),
                    Enterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    Incubated = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestmentWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OutputValueWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    TaxWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    LandMu = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SharedProjects = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SharedEnterprises = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SharedIncubated = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SharedInvestmentWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SharedOutputValueWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SharedTaxWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SharedLandMu = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerSummaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HqCity = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Seeks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PlannedInvestmentWan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_AspNetUsers_SubmittedById",
                        column: x => x.SubmittedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_OffshoreIncubators_IncubatorId",
                        column: x => x.IncubatorId,
                        principalTable: "OffshoreIncubators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoragePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attachments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: false),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FromPartner = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralUpdates_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTargets_CountingStageId",
                table: "PlanTargets",
                column: "CountingStageId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_IncubatorId",
                table: "ApiKeys",
                column: "IncubatorId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Prefix",
                table: "ApiKeys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ProjectId",
                table: "Attachments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ReferralId",
                table: "Attachments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_IncubatorContacts_IncubatorId",
                table: "IncubatorContacts",
                column: "IncubatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IncubatorStatusChanges_IncubatorId_At",
                table: "IncubatorStatusChanges",
                columns: new[] { "IncubatorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ProjectId_StageId",
                table: "LedgerEntries",
                columns: new[] { "ProjectId", "StageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_StageId_CountedAt",
                table: "LedgerEntries",
                columns: new[] { "StageId", "CountedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerSummaries_StageId_Month_ParkId_TeamId_IncubatorId_ChainId_ChainNodeId_Role_SplitScope",
                table: "LedgerSummaries",
                columns: new[] { "StageId", "Month", "ParkId", "TeamId", "IncubatorId", "ChainId", "ChainNodeId", "Role", "SplitScope" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_EnterpriseId",
                table: "Referrals",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_IncubatorId_IdempotencyKey",
                table: "Referrals",
                columns: new[] { "IncubatorId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_IncubatorId_UpdatedAt",
                table: "Referrals",
                columns: new[] { "IncubatorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ProjectId",
                table: "Referrals",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_SubmittedAt",
                table: "Referrals",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_SubmittedById",
                table: "Referrals",
                column: "SubmittedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralUpdates_ReferralId_At",
                table: "ReferralUpdates",
                columns: new[] { "ReferralId", "At" });

            migrationBuilder.AddForeignKey(
                name: "FK_PlanTargets_PipelineStages_CountingStageId",
                table: "PlanTargets",
                column: "CountingStageId",
                principalTable: "PipelineStages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanTargets_PipelineStages_CountingStageId",
                table: "PlanTargets");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "IncubatorContacts");

            migrationBuilder.DropTable(
                name: "IncubatorStatusChanges");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "LedgerSummaries");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ReferralUpdates");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_PlanTargets_CountingStageId",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "SecondaryCreditId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SecondaryCreditPercent",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SecondaryCreditScope",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "CountingStageId",
                table: "PlanTargets");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "OffshoreIncubators");

            migrationBuilder.DropColumn(
                name: "AgreementEnd",
                table: "OffshoreIncubators");

            migrationBuilder.DropColumn(
                name: "AgreementStart",
                table: "OffshoreIncubators");
        }
    }
}
