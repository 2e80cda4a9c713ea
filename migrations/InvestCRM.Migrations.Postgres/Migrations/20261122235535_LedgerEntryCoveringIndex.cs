using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LedgerEntryCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_StageId_CountedAt",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_StageId_CountedAt_Id_IncubatorId",
                table: "LedgerEntries",
                columns: new[] { "StageId", "CountedAt", "Id", "IncubatorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_StageId_CountedAt_Id_IncubatorId",
                table: "LedgerEntries");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_StageId_CountedAt",
                table: "LedgerEntries",
                columns: new[] { "StageId", "CountedAt" });
        }
    }
}
