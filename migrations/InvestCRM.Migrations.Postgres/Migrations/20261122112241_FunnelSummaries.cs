using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DropReason",
                table: "Projects",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FunnelSummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Cohort = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<int>(type: "integer", nullable: false),
                    ParkId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    IncubatorId = table.Column<int>(type: "integer", nullable: false),
                    ChainId = table.Column<int>(type: "integer", nullable: false),
                    Projects = table.Column<long>(type: "bigint", nullable: false),
                    PlannedInvestmentWan = table.Column<long>(type: "bigint", nullable: false)
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
                name: "IX_FunnelSummaries_Kind_StageId_Month_Cohort_Detail_ParkId_Tea~",
                table: "FunnelSummaries",
                columns: new[] { "Kind", "StageId", "Month", "Cohort", "Detail", "ParkId", "TeamId", "IncubatorId", "ChainId" },
                unique: true);

            // Drops recorded before categories existed count as "other"; existing histories fill the new summaries.
            migrationBuilder.Sql("UPDATE \"Projects\" SET \"DropReason\" = 'Other' WHERE \"Status\" = 'Dropped'");
            migrationBuilder.Sql(InvestCRM.Features.Funnel.FunnelRebuildSql.For(sqlite: false));
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
