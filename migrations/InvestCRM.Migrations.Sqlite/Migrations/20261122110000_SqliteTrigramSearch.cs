using InvestCRM.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Hand-written, SQLite only: FTS5 tables with the trigram tokenizer over project titles and enterprise names,
    /// so that the project search's <c>LIKE '%term%'</c> (three or more characters) reads an index instead of
    /// scanning both tables; PostgreSQL has trigram GIN indexes for the same purpose. They are external-content
    /// tables (they hold only the index) kept in step by triggers. Not in the EF model, so the snapshot does not
    /// change. A later migration that rebuilds the Projects or Enterprises table drops its triggers: such a
    /// migration must re-create them (ProjectQueriesTests finds a project created after migration through this index).
    /// </summary>
    [DbContext(typeof(CrmDbContext))]
    [Migration("20261122110000_SqliteTrigramSearch")]
    public partial class SqliteTrigramSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Index(migrationBuilder, "ProjectTitleSearch", "Projects", "Title");
            Index(migrationBuilder, "EnterpriseNameSearch", "Enterprises", "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (search, table) in new[] { ("ProjectTitleSearch", "Projects"), ("EnterpriseNameSearch", "Enterprises") })
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_search_insert";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_search_delete";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_search_update";""");
                migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{search}";""");
            }
        }

        private static void Index(MigrationBuilder migrationBuilder, string search, string table, string column)
        {
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE "{search}" USING fts5("{column}", content='{table}', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_search_insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{search}"(rowid, "{column}") VALUES (new."Id", new."{column}");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_search_delete" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{search}"("{search}", rowid, "{column}") VALUES ('delete', old."Id", old."{column}");
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{table}_search_update" AFTER UPDATE OF "{column}" ON "{table}" BEGIN
                    INSERT INTO "{search}"("{search}", rowid, "{column}") VALUES ('delete', old."Id", old."{column}");
                    INSERT INTO "{search}"(rowid, "{column}") VALUES (new."Id", new."{column}");
                END;
                """);
            migrationBuilder.Sql($"""INSERT INTO "{search}"("{search}") VALUES ('rebuild');""");
        }
    }
}
