using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UnitRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FunnelRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Cohort = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Projects = table.Column<long>(type: "INTEGER", nullable: false),
                    PlannedInvestmentWan = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunnelRollups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerRollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    SplitScope = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitKind = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Projects = table.Column<long>(type: "INTEGER", nullable: false),
                    Enterprises = table.Column<long>(type: "INTEGER", nullable: false),
                    Incubated = table.Column<long>(type: "INTEGER", nullable: false),
                    InvestmentWan = table.Column<long>(type: "INTEGER", nullable: false),
                    OutputValueWan = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxWan = table.Column<long>(type: "INTEGER", nullable: false),
                    LandMu = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedProjects = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedEnterprises = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedIncubated = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedInvestmentWan = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedOutputValueWan = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedTaxWan = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedLandMu = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerRollups", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FunnelRollups_UnitKind_UnitId_Kind_StageId_Month_Cohort_Detail",
                table: "FunnelRollups",
                columns: new[] { "UnitKind", "UnitId", "Kind", "StageId", "Month", "Cohort", "Detail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRollups_StageId_UnitKind_UnitId_Month_Role_SplitScope",
                table: "LedgerRollups",
                columns: new[] { "StageId", "UnitKind", "UnitId", "Month", "Role", "SplitScope" },
                unique: true);

            // The roll-ups of the summaries already stored (UnitRollup.FillSql: the whole plan, then each kind of unit).
            migrationBuilder.Sql("""
                INSERT INTO "LedgerRollups" ("StageId", "Month", "Role", "SplitScope", "UnitKind", "UnitId", "Projects", "Enterprises", "Incubated", "InvestmentWan", "OutputValueWan", "TaxWan", "LandMu", "SharedProjects", "SharedEnterprises", "SharedIncubated", "SharedInvestmentWan", "SharedOutputValueWan", "SharedTaxWan", "SharedLandMu")
                SELECT "StageId", "Month", "Role", "SplitScope", 0, 0, SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 1, "ParkId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "ParkId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 2, "TeamId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "TeamId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 3, "IncubatorId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "IncubatorId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 4, "ChainId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "ChainId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 5, "ChainNodeId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "ChainNodeId"
                """);
            migrationBuilder.Sql("""
                INSERT INTO "FunnelRollups" ("Kind", "StageId", "Month", "Cohort", "Detail", "UnitKind", "UnitId", "Projects", "PlannedInvestmentWan")
                SELECT "Kind", "StageId", "Month", "Cohort", "Detail", 0, 0, SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelSummaries" GROUP BY "Kind", "StageId", "Month", "Cohort", "Detail"
                UNION ALL SELECT "Kind", "StageId", "Month", "Cohort", "Detail", 1, "ParkId", SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelSummaries" GROUP BY "Kind", "StageId", "Month", "Cohort", "Detail", "ParkId"
                UNION ALL SELECT "Kind", "StageId", "Month", "Cohort", "Detail", 2, "TeamId", SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelSummaries" GROUP BY "Kind", "StageId", "Month", "Cohort", "Detail", "TeamId"
                UNION ALL SELECT "Kind", "StageId", "Month", "Cohort", "Detail", 3, "IncubatorId", SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelSummaries" GROUP BY "Kind", "StageId", "Month", "Cohort", "Detail", "IncubatorId"
                UNION ALL SELECT "Kind", "StageId", "Month", "Cohort", "Detail", 4, "ChainId", SUM("Projects"), SUM("PlannedInvestmentWan") FROM "FunnelSummaries" GROUP BY "Kind", "StageId", "Month", "Cohort", "Detail", "ChainId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FunnelRollups");

            migrationBuilder.DropTable(
                name: "LedgerRollups");
        }
    }
}
