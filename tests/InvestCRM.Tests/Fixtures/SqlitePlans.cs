using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestCRM.Tests.Fixtures;

/// <summary>The statements a context sends, and the plans SQLite makes for them.</summary>
public static class SqlitePlans
{
    public sealed record Sent(string Text, List<(string Name, object? Value)> Parameters);

    /// <summary>The one command the context sends during <paramref name="action"/> whose text matches.</summary>
    public static async Task<Sent> SqlOfAsync(DbContext db, Func<Task> action, Func<string, bool> matches)
    {
        var seen = new List<Sent>();
        var listening = new List<IDisposable>();
        void Seen(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data && data.Context == db && matches(data.Command.CommandText))
            {
                lock (seen)
                {
                    seen.Add(new Sent(data.Command.CommandText,
                        data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
                }
            }
        }

        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Listener<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (listening)
                {
                    listening.Add(listener.Subscribe(new Listener<KeyValuePair<string, object?>>(Seen)));
                }
            }
        }));
        try
        {
            await action();
        }
        finally
        {
            lock (listening)
            {
                listening.ForEach(l => l.Dispose());
            }
        }

        return Assert.Single(seen);
    }

    /// <summary>
    /// Gives SQLite's planner an index's statistics as ANALYZE measured them on a larger database (the table's row
    /// count, then the rows per distinct value of each leading run of the index's columns), so a small test database
    /// is planned like that one. Written on the context's connection, left open so that its later statements see them;
    /// not through EF, whose command logger, once it has run a command with no listener, reports none for a second.
    /// </summary>
    public static async Task StatisticsAsync(DbContext db, string table, string index, string stat)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            ANALYZE;
            DELETE FROM sqlite_stat1 WHERE tbl = $table;
            INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ($table, $index, $stat);
            ANALYZE sqlite_schema;
            """;
        foreach (var (name, value) in new[] { ("$table", table), ("$index", index), ("$stat", stat) })
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>SQLite's plan for the command, one line per step (the parameters' values do not change it).</summary>
    public static async Task<List<string>> PlanAsync(DbContext db, Sent sent)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sent.Text;
        foreach (var (name, value) in sent.Parameters)
        {
            var copy = explain.CreateParameter();
            (copy.ParameterName, copy.Value) = (name, value);
            explain.Parameters.Add(copy);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private sealed class Listener<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
