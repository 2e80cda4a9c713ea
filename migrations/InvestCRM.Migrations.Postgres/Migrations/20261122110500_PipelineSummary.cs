using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PipelineSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PipelineSummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParkId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    IncubatorId = table.Column<int>(type: "integer", nullable: false),
                    ChainId = table.Column<int>(type: "integer", nullable: false),
                    Projects = table.Column<long>(type: "bigint", nullable: false),
                    InvestmentWan = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineSummaries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PipelineSummaries_StageId_Status_ParkId_TeamId_IncubatorId_~",
                table: "PipelineSummaries",
                columns: new[] { "StageId", "Status", "ParkId", "TeamId", "IncubatorId", "ChainId" },
                unique: true);

            // Existing projects: the summary starts equal to them (later saves keep it so).
            migrationBuilder.Sql("""
                INSERT INTO "PipelineSummaries" ("StageId", "Status", "ParkId", "TeamId", "IncubatorId", "ChainId", "Projects", "InvestmentWan")
                SELECT "StageId", "Status", COALESCE("ParkId", 0), COALESCE("TeamId", 0), COALESCE("IncubatorId", 0), COALESCE("ChainId", 0),
                       COUNT(*) * 10000, SUM(CAST(ROUND(COALESCE("PlannedInvestmentWan", 0) * 10000) AS BIGINT))
                FROM "Projects"
                GROUP BY "StageId", "Status", COALESCE("ParkId", 0), COALESCE("TeamId", 0), COALESCE("IncubatorId", 0), COALESCE("ChainId", 0)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PipelineSummaries");
        }
    }
}
