using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Hand-written, PostgreSQL only: GIN indexes on the lower-cased characters of project titles and enterprise names,
    /// for the project search's terms of one and two characters, which have no trigram (PostgresTrigramSearch): the
    /// search asks for the rows holding every character of the term and checks those with LIKE / ILIKE.
    /// Why characters rather than pairs of characters: an index expression of built-in functions costs about 2 µs a row,
    /// a SQL function making the pairs about 40; the planner prices a function it cannot see into as cheap and then
    /// chose, for a term most rows hold, to compute the pairs row by row (0.4 s for 5,000 rows). For Chinese text the
    /// rows holding both characters of a two-character term are nearly all rows holding the term (3,753 against 3,492
    /// for 锂电 at 100,000 projects), and a one-character term is answered exactly. Latin two-letter terms find many
    /// rows holding both letters apart and gain little; three letters or more use the trigram index.
    /// lower() is the function ILIKE folds case with, so the index finds every row ILIKE finds.
    /// Not in the EF model (it has no expression indexes for SQLite), so the snapshot does not change.
    /// </summary>
    public partial class ShortTermSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_Projects_Title_chars" ON "Projects" USING gin (string_to_array(lower("Title"), NULL));""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Enterprises_Name_chars" ON "Enterprises" USING gin (string_to_array(lower("Name"), NULL));""");
            // Statistics of an index expression are gathered only by ANALYZE: until then the planner takes every
            // character for a rare one (1 row expected for 科技, 19,465 found) and picks plans for a handful of rows.
            migrationBuilder.Sql("""ANALYZE "Projects", "Enterprises";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Enterprises_Name_chars";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Projects_Title_chars";""");
        }
    }
}
