using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StalledIndexWithId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_Status_LastActivityAt_CreatedAt",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Status_LastActivityAt_CreatedAt_Id",
                table: "Projects",
                columns: new[] { "Status", "LastActivityAt", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_Status_LastActivityAt_CreatedAt_Id",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Status_LastActivityAt_CreatedAt",
                table: "Projects",
                columns: new[] { "Status", "LastActivityAt", "CreatedAt" });
        }
    }
}
