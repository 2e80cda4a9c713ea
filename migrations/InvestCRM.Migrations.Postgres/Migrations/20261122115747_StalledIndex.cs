using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StalledIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Projects_Status_LastActivityAt_CreatedAt",
                table: "Projects",
                columns: new[] { "Status", "LastActivityAt", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_Status_LastActivityAt_CreatedAt",
                table: "Projects");
        }
    }
}
