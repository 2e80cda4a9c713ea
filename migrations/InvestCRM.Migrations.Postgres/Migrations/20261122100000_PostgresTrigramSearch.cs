using InvestCRM.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Hand-written, PostgreSQL only: trigram GIN indexes so that the project search's <c>ILIKE '%term%'</c> on
    /// project titles and enterprise names is answered from an index instead of a scan of both tables (terms of
    /// three or more characters; shorter ones still scan). The indexes are not in the EF model (it has no operator
    /// classes for SQLite), so the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(CrmDbContext))]
    [Migration("20261122100000_PostgresTrigramSearch")]
    public partial class PostgresTrigramSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Projects_Title_trgm" ON "Projects" USING gin ("Title" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Enterprises_Name_trgm" ON "Enterprises" USING gin ("Name" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Enterprises_Name_trgm";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Projects_Title_trgm";""");
            // The extension stays: other objects may use it, and dropping it needs more rights than creating it.
        }
    }
}
