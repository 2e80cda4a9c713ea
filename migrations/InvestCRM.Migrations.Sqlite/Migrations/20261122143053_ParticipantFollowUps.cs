using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityParticipants_UserId",
                table: "ActivityParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Activities_CreatedById_FollowUpDone_FollowUpOn",
                table: "Activities");

            migrationBuilder.AddColumn<bool>(
                name: "FollowUpDone",
                table: "ActivityParticipants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpOn",
                table: "ActivityParticipants",
                type: "TEXT",
                nullable: true);

            // The author is a participant of every activity (ActivityService adds them); rows written before that rule get
            // theirs. Then every participant row takes its activity's follow-up, before the index is built over them.
            migrationBuilder.Sql("""
                INSERT INTO "ActivityParticipants" ("ActivityId", "UserId", "FollowUpOn", "FollowUpDone")
                SELECT a."Id", a."CreatedById", a."FollowUpOn", a."FollowUpDone" FROM "Activities" a
                WHERE NOT EXISTS (SELECT 1 FROM "ActivityParticipants" p WHERE p."ActivityId" = a."Id" AND p."UserId" = a."CreatedById");
                UPDATE "ActivityParticipants" SET "FollowUpOn" = a."FollowUpOn", "FollowUpDone" = a."FollowUpDone"
                FROM "Activities" a WHERE a."Id" = "ActivityParticipants"."ActivityId" AND a."FollowUpOn" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_UserId_FollowUpDone_FollowUpOn_ActivityId",
                table: "ActivityParticipants",
                columns: new[] { "UserId", "FollowUpDone", "FollowUpOn", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CreatedById",
                table: "Activities",
                column: "CreatedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityParticipants_UserId_FollowUpDone_FollowUpOn_ActivityId",
                table: "ActivityParticipants");

            migrationBuilder.DropIndex(
                name: "IX_Activities_CreatedById",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "FollowUpDone",
                table: "ActivityParticipants");

            migrationBuilder.DropColumn(
                name: "FollowUpOn",
                table: "ActivityParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_UserId",
                table: "ActivityParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CreatedById_FollowUpDone_FollowUpOn",
                table: "Activities",
                columns: new[] { "CreatedById", "FollowUpDone", "FollowUpOn" });
        }
    }
}
