using System.Data.Common;
using System.Diagnostics;
using InvestCRM.Data;
using InvestCRM.Features.Identity;
using InvestCRM.Features.Ledger;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Reporting;
using InvestCRM.Features.Targets;
using InvestCRM.Tests.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InvestCRM.Tests.Features.Ledger;

/// <summary>
/// The ledger page counts a target's entries on every view (536,823 at a million projects). Every query names the
/// partner scope's IncubatorId, so SQLite counts from the index alone only when the index holds that column too;
/// otherwise it reads each entry's row.
/// </summary>
public sealed class LedgerPlanTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_targets_entries_are_counted_from_the_index_alone_on_SQLite(bool partner)
    {
        await using var database = await ProjectTestDatabase.CreateAsync("sqlite");
        var user = new TestUserAccessor
        {
            Current = partner
                ? new CurrentUser("p", "p", new HashSet<string> { Roles.Partner }, null, 7)
                : ProjectTestDatabase.Staff("s", database.TeamA),
        };
        await using var db = database.NewContext(user);
        var scope = new LedgerScope(database.Stages[4].Id, new DateRange(new DateOnly(2021, 1, 1), new DateOnly(2026, 1, 1)),
            TargetScope.Plan, [], CreditRule.Split);

        var count = await SqlOfAsync(db, () => new LedgerQueries(db).EntriesAsync(scope, 1),
            sql => sql.Contains("COUNT(*)", StringComparison.Ordinal) && sql.Contains("\"LedgerEntries\"", StringComparison.Ordinal));

        Assert.Contains("IncubatorId", count.Text);
        var plan = await PlanAsync(db, count);
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_LedgerEntries_StageId_CountedAt_Id_IncubatorId", StringComparison.Ordinal));
    }

    private sealed record Sent(string Text, List<(string Name, object? Value)> Parameters);

    /// <summary>The one command the context sends during <paramref name="action"/> whose text matches.</summary>
    private static async Task<Sent> SqlOfAsync(DbContext db, Func<Task> action, Func<string, bool> matches)
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

    /// <summary>SQLite's plan for the command, one line per step (the parameters' values do not change it).</summary>
    private static async Task<List<string>> PlanAsync(DbContext db, Sent sent)
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
