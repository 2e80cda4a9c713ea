using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Tracks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Tracks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChainId = table.Column<int>(type: "integer", nullable: false),
                    ChainNodeId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimScope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ClaimUnitId = table.Column<int>(type: "integer", nullable: true),
                    LeaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommitEnterprises = table.Column<int>(type: "integer", nullable: true),
                    CommitInvestmentWan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CommitOutputWan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CommitTaxWan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tracks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tracks_ChainNodes_ChainNodeId",
                        column: x => x.ChainNodeId,
                        principalTable: "ChainNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tracks_IndustryChains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "IndustryChains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tracks_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrackReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrackId = table.Column<int>(type: "integer", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimScope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClaimUnitId = table.Column<int>(type: "integer", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Projects = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Enterprises = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    InvestmentWan = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    OutputValueWan = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    TaxWan = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    OpenProjects = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrackReviews_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ChainId_StageId_CountedAt",
                table: "LedgerEntries",
                columns: new[] { "ChainId", "StageId", "CountedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ChainNodeId_StageId_CountedAt",
                table: "LedgerEntries",
                columns: new[] { "ChainNodeId", "StageId", "CountedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackReviews_TrackId_ReviewedOn",
                table: "TrackReviews",
                columns: new[] { "TrackId", "ReviewedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Tracks_ChainId",
                table: "Tracks",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_Tracks_ChainNodeId",
                table: "Tracks",
                column: "ChainNodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Tracks_PlanId_Name",
                table: "Tracks",
                columns: new[] { "PlanId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrackReviews");

            migrationBuilder.DropTable(
                name: "Tracks");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_ChainId_StageId_CountedAt",
                table: "LedgerEntries");

            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_ChainNodeId_StageId_CountedAt",
                table: "LedgerEntries");
        }
    }
}
