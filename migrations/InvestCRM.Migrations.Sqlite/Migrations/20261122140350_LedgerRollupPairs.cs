using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LedgerRollupPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerRollups_StageId_UnitKind_UnitId_Month_Role_SplitScope",
                table: "LedgerRollups");

            migrationBuilder.AddColumn<int>(
                name: "UnitId2",
                table: "LedgerRollups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "UnitKind2",
                table: "LedgerRollups",
                type: "INTEGER",
                maxLength: 40,
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRollups_StageId_UnitKind_UnitKind2_UnitId_UnitId2_Month_Role_SplitScope",
                table: "LedgerRollups",
                columns: new[] { "StageId", "UnitKind", "UnitKind2", "UnitId", "UnitId2", "Month", "Role", "SplitScope" },
                unique: true);

            // The pair rows of the summaries already stored (UnitRollup.FillSql's pairs: park, team, incubator, chain two by two).
            migrationBuilder.Sql("""
                INSERT INTO "LedgerRollups" ("StageId", "Month", "Role", "SplitScope", "UnitKind", "UnitId", "UnitKind2", "UnitId2", "Projects", "Enterprises", "Incubated", "InvestmentWan", "OutputValueWan", "TaxWan", "LandMu", "SharedProjects", "SharedEnterprises", "SharedIncubated", "SharedInvestmentWan", "SharedOutputValueWan", "SharedTaxWan", "SharedLandMu")
                SELECT "StageId", "Month", "Role", "SplitScope", 1, "ParkId", 2, "TeamId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "ParkId", "TeamId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 1, "ParkId", 3, "IncubatorId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "ParkId", "IncubatorId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 1, "ParkId", 4, "ChainId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "ParkId", "ChainId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 2, "TeamId", 3, "IncubatorId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "TeamId", "IncubatorId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 2, "TeamId", 4, "ChainId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "TeamId", "ChainId"
                UNION ALL SELECT "StageId", "Month", "Role", "SplitScope", 3, "IncubatorId", 4, "ChainId", SUM("Projects"), SUM("Enterprises"), SUM("Incubated"), SUM("InvestmentWan"), SUM("OutputValueWan"), SUM("TaxWan"), SUM("LandMu"), SUM("SharedProjects"), SUM("SharedEnterprises"), SUM("SharedIncubated"), SUM("SharedInvestmentWan"), SUM("SharedOutputValueWan"), SUM("SharedTaxWan"), SUM("SharedLandMu") FROM "LedgerSummaries" GROUP BY "StageId", "Month", "Role", "SplitScope", "IncubatorId", "ChainId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerRollups_StageId_UnitKind_UnitKind2_UnitId_UnitId2_Month_Role_SplitScope",
                table: "LedgerRollups");

            migrationBuilder.DropColumn(
                name: "UnitId2",
                table: "LedgerRollups");

            migrationBuilder.DropColumn(
                name: "UnitKind2",
                table: "LedgerRollups");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerRollups_StageId_UnitKind_UnitId_Month_Role_SplitScope",
                table: "LedgerRollups",
                columns: new[] { "StageId", "UnitKind", "UnitId", "Month", "Role", "SplitScope" },
                unique: true);
        }
    }
}
