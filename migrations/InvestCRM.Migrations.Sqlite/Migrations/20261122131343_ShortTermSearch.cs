using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestCRM.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Hand-written, SQLite only: gram tables for the project search's terms of one and two characters, which the FTS5
    /// trigram tables (SqliteTrigramSearch) cannot answer, so that 玄鸟 or 锂电 reads an index instead of scanning every
    /// title and enterprise name. Each table holds, per row, the lower-cased two-character substring starting at every
    /// position, and at the last position the last character alone: a two-character term is one key lookup, a
    /// one-character term one range of keys (the grams that start with it). lower() folds ASCII only, as SQLite's LIKE
    /// does, so the rows found are exactly those LIKE '%term%' finds. Triggers keep the tables in step; trigger bodies
    /// cannot use WITH, so the positions come from a table of the numbers 1 to 200 (titles and names are at most 200
    /// characters long). Not in the EF model, so the snapshot does not change.
    /// A later migration that rebuilds the Projects or Enterprises table drops its triggers: such a migration must
    /// create them again (<see cref="CreateTriggers"/>; ProjectQueriesTests finds renamed and deleted rows through them).
    /// </summary>
    public partial class ShortTermSearch : Migration
    {
        private const int MaxLength = 200;

        private static readonly (string Grams, string Table, string Column, string Key)[] Indexed =
        [
            ("ProjectTitleGrams", "Projects", "Title", "ProjectId"),
            ("EnterpriseNameGrams", "Enterprises", "Name", "EnterpriseId"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "SearchGramPositions" ("N" INTEGER NOT NULL PRIMARY KEY);""");
            migrationBuilder.Sql($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {MaxLength})
                INSERT INTO "SearchGramPositions" ("N") SELECT i FROM n;
                """);
            foreach (var (grams, table, column, key) in Indexed)
            {
                migrationBuilder.Sql($"""
                    CREATE TABLE "{grams}" ("Gram" TEXT NOT NULL, "{key}" INTEGER NOT NULL, PRIMARY KEY ("Gram", "{key}")) WITHOUT ROWID;
                    """);
                CreateTriggers(migrationBuilder, table);
                // Sorted by key, the backfill appends to the table's B-tree: about six times faster than in row order.
                migrationBuilder.Sql($"""
                    INSERT OR IGNORE INTO "{grams}" ("Gram", "{key}")
                    SELECT {Gram("t", column)}, t."Id" FROM "{table}" t JOIN "SearchGramPositions" n ON n."N" <= length(t."{column}")
                    ORDER BY 1, 2;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (grams, table, _, _) in Indexed)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_grams_insert";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_grams_delete";""");
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_grams_update";""");
                migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{grams}";""");
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchGramPositions";""");
        }

        /// <summary>
        /// The triggers that keep the gram table of "Projects" or "Enterprises" in step with its text column; a migration
        /// that rebuilds that table calls this again. The delete looks the old grams up by key: no second index needed.
        /// </summary>
        public static void CreateTriggers(MigrationBuilder migrationBuilder, string table)
        {
            var (grams, _, column, key) = Indexed.Single(i => i.Table == table);
            var insert = $"""
                INSERT OR IGNORE INTO "{grams}" ("Gram", "{key}")
                SELECT {Gram("new", column)}, new."Id" FROM "SearchGramPositions" n WHERE n."N" <= length(new."{column}");
                """;
            var delete = $"""
                DELETE FROM "{grams}" WHERE "{key}" = old."Id" AND "Gram" IN
                    (SELECT {Gram("old", column)} FROM "SearchGramPositions" n WHERE n."N" <= length(old."{column}"));
                """;
            migrationBuilder.Sql($"""CREATE TRIGGER "{table}_grams_insert" AFTER INSERT ON "{table}" BEGIN {insert} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER "{table}_grams_delete" AFTER DELETE ON "{table}" BEGIN {delete} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER "{table}_grams_update" AFTER UPDATE OF "{column}" ON "{table}" BEGIN {delete} {insert} END;""");
        }

        // At the last position substr yields the last character alone: the key a one-character term finds it by.
        private static string Gram(string row, string column) => $"""lower(substr({row}."{column}", n."N", 2))""";
    }
}
