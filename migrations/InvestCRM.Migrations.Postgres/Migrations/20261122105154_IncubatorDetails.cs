using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncubatorDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SubmittedById",
                table: "Referrals",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(450)",
                oldMaxLength: 450);

            migrationBuilder.AddColumn<int>(
                name: "SubmittedByApiKeyId",
                table: "Referrals",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_SubmittedByApiKeyId",
                table: "Referrals",
                column: "SubmittedByApiKeyId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Referrals_OneSubmitter",
                table: "Referrals",
                sql: "(\"SubmittedById\" IS NULL) <> (\"SubmittedByApiKeyId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_ApiKeys_SubmittedByApiKeyId",
                table: "Referrals",
                column: "SubmittedByApiKeyId",
                principalTable: "ApiKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_ApiKeys_SubmittedByApiKeyId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_SubmittedByApiKeyId",
                table: "Referrals");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Referrals_OneSubmitter",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "SubmittedByApiKeyId",
                table: "Referrals");

            migrationBuilder.AlterColumn<string>(
                name: "SubmittedById",
                table: "Referrals",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(450)",
                oldMaxLength: 450,
                oldNullable: true);
        }
    }
}
