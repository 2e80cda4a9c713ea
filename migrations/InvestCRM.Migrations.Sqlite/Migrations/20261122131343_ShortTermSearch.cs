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
    /// create them again (<see cref="CreateTriggers"/>; ProjectSearchTests finds renamed and deleted rows through them).
    /// </summary>
    public partial class ShortTermSearch : Migration
    {
        private const int MaxLength = 200;

        /// <summary>The tables whose text has a gram table.</summary>
        public static readonly IReadOnlyList<string> Tables = ["Projects", "Enterprises"];

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
            foreach (var (grams, table, _, key) in Indexed)
            {
                migrationBuilder.Sql($"""
                    CREATE TABLE "{grams}" ("Gram" TEXT NOT NULL, "{key}" INTEGER NOT NULL, PRIMARY KEY ("Gram", "{key}")) WITHOUT ROWID;
                    """);
                CreateTriggers(migrationBuilder, table);
                migrationBuilder.Sql(FillSql(table));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (grams, table, _, _) in Indexed)
            {
                DropTriggersSql(table).ToList().ForEach(sql => migrationBuilder.Sql(sql));
                migrationBuilder.Sql($"""DROP TABLE IF EXISTS "{grams}";""");
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchGramPositions";""");
        }

        /// <summary>
        /// Creates the triggers that keep the gram table of "Projects" or "Enterprises" in step with its text column.
        /// A migration that rebuilds that table must call this again.
        /// </summary>
        public static void CreateTriggers(MigrationBuilder migrationBuilder, string table) =>
            TriggersSql(table).ToList().ForEach(sql => migrationBuilder.Sql(sql));

        /// <summary>
        /// The triggers of one table: insert, delete, and an update of the text. The delete looks the old grams up by
        /// key, so the gram table needs no second index on the row id.
        /// </summary>
        public static IReadOnlyList<string> TriggersSql(string table)
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
            return
            [
                $"""CREATE TRIGGER "{table}_grams_insert" AFTER INSERT ON "{table}" BEGIN {insert} END;""",
                $"""CREATE TRIGGER "{table}_grams_delete" AFTER DELETE ON "{table}" BEGIN {delete} END;""",
                $"""CREATE TRIGGER "{table}_grams_update" AFTER UPDATE OF "{column}" ON "{table}" BEGIN {delete} {insert} END;""",
            ];
        }

        public static IReadOnlyList<string> DropTriggersSql(string table) =>
            new[] { "insert", "delete", "update" }.Select(action => $"""DROP TRIGGER IF EXISTS "{table}_grams_{action}";""").ToList();

        /// <summary>
        /// Adds the grams of every row of the table (those already there are kept). Sorted by key, the rows are appended
        /// to the gram table's B-tree: about six times faster than in row order (1.6 s for 100,000 titles). The bench
        /// fills the tables this way after a bulk load, with the triggers dropped during it.
        /// </summary>
        public static string FillSql(string table)
        {
            var (grams, _, column, key) = Indexed.Single(i => i.Table == table);
            return $"""
                INSERT OR IGNORE INTO "{grams}" ("Gram", "{key}")
                SELECT {Gram("t", column)}, t."Id" FROM "{table}" t JOIN "SearchGramPositions" n ON n."N" <= length(t."{column}")
                ORDER BY 1, 2;
                """;
        }

        // At the last position substr yields the last character alone: the key a one-character term finds it by.
        private static string Gram(string row, string column) => $"""lower(substr({row}."{column}", n."N", 2))""";
    }
}
