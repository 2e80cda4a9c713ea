using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChainMapIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_ChainNodeId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_EnterpriseId",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ChainNodeId_Status_StageId_EnterpriseId_IncubatorId",
                table: "Projects",
                columns: new[] { "ChainNodeId", "Status", "StageId", "EnterpriseId", "IncubatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_EnterpriseId_IncubatorId",
                table: "Projects",
                columns: new[] { "EnterpriseId", "IncubatorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_ChainNodeId_Status_StageId_EnterpriseId_IncubatorId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_EnterpriseId_IncubatorId",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_ChainNodeId",
                table: "Projects",
                column: "ChainNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_EnterpriseId",
                table: "Projects",
                column: "EnterpriseId");
        }
    }
}
