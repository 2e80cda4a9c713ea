using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_OwnerId_NextActionOn",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Activities_CreatedById_FollowUpOn",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OwnerId_Status_LastActivityAt_CreatedAt",
                table: "Projects",
                columns: new[] { "OwnerId", "Status", "LastActivityAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OwnerId_Status_NextActionOn",
                table: "Projects",
                columns: new[] { "OwnerId", "Status", "NextActionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OwnerId_UpdatedAt",
                table: "Projects",
                columns: new[] { "OwnerId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_StageId_ChainId_UpdatedAt",
                table: "Projects",
                columns: new[] { "StageId", "ChainId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_StageId_Status_UpdatedAt",
                table: "Projects",
                columns: new[] { "StageId", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_TeamId_Status_LastActivityAt_CreatedAt",
                table: "Projects",
                columns: new[] { "TeamId", "Status", "LastActivityAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CreatedById_FollowUpDone_FollowUpOn",
                table: "Activities",
                columns: new[] { "CreatedById", "FollowUpDone", "FollowUpOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_OwnerId_Status_LastActivityAt_CreatedAt",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_OwnerId_Status_NextActionOn",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_OwnerId_UpdatedAt",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_StageId_ChainId_UpdatedAt",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_StageId_Status_UpdatedAt",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_TeamId_Status_LastActivityAt_CreatedAt",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Activities_CreatedById_FollowUpDone_FollowUpOn",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_OwnerId_NextActionOn",
                table: "Projects",
                columns: new[] { "OwnerId", "NextActionOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CreatedById_FollowUpOn",
                table: "Activities",
                columns: new[] { "CreatedById", "FollowUpOn" });
        }
    }
}
