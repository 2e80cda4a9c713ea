using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FunnelSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DropReason",
                table: "StageChanges",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DropReason",
                table: "Projects",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FunnelSummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Cohort = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<int>(type: "INTEGER", nullable: false),
                    ParkId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    IncubatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Projects = table.Column<long>(type: "INTEGER", nullable: false),
                    PlannedInvestmentWan = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunnelSummaries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FunnelSummaries_Kind_Cohort",
                table: "FunnelSummaries",
                columns: new[] { "Kind", "Cohort" });

            migrationBuilder.CreateIndex(
                name: "IX_FunnelSummaries_Kind_StageId_Month_Cohort_Detail_ParkId_TeamId_IncubatorId_ChainId",
                table: "FunnelSummaries",
                columns: new[] { "Kind", "StageId", "Month", "Cohort", "Detail", "ParkId", "TeamId", "IncubatorId", "ChainId" },
                unique: true);

            // Drops recorded before categories existed count as "other"; existing histories fill the new summaries.
            migrationBuilder.Sql("UPDATE \"Projects\" SET \"DropReason\" = 'Other' WHERE \"Status\" = 'Dropped'");
            migrationBuilder.Sql(InvestCRM.Features.Funnel.FunnelRebuildSql.For(sqlite: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FunnelSummaries");

            migrationBuilder.DropColumn(
                name: "DropReason",
                table: "StageChanges");

            migrationBuilder.DropColumn(
                name: "DropReason",
                table: "Projects");
        }
    }
}
