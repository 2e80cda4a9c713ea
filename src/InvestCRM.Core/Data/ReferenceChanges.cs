using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InvestCRM.Data;

/// <summary>Tells a CrmDbContext that its transaction ended, so that a reference change invalidates the cache on commit only.</summary>
internal sealed class ReferenceCommits : DbTransactionInterceptor
{
    public static readonly ReferenceCommits Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as CrmDbContext)?.TransactionEnded(committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        (eventData.Context as CrmDbContext)?.TransactionEnded(committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as CrmDbContext)?.TransactionEnded(committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        (eventData.Context as CrmDbContext)?.TransactionEnded(committed: false);
        return Task.CompletedTask;
    }
}

/// <summary>
/// On PostgreSQL, where other instances save too: listens on <see cref="ReferenceCache.Channel"/> and invalidates this
/// instance's cache at each notification. The cache keeps values only while the listener is connected; after a lost
/// connection it starts again empty, as notifications may have been missed meanwhile.
/// </summary>
public sealed class ReferenceChangeListener(ReferenceCache cache, IOptions<DatabaseOptions> options, ILogger<ReferenceChangeListener> log)
    : BackgroundService
{
    /// <summary>How long the listener waits for a notification before it checks that its connection is alive.</summary>
    internal static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString(options.Value.ConnectionString))
        {
            Pooling = false,
        }.ToString();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Listening for reference changes failed; the reference cache is off until it listens again.");
            }
            finally
            {
                cache.SetEnabled(false);
            }

            try
            {
                await Task.Delay(Retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, _) => cache.Invalidate();
        await connection.OpenAsync(ct);
        await using var listen = new NpgsqlCommand("LISTEN " + ReferenceCache.Channel, connection);
        await listen.ExecuteNonQueryAsync(ct);
        cache.SetEnabled(true);
        await using var ping = new NpgsqlCommand("SELECT 1", connection);
        while (true)
        {
            // A connection that died quietly must end the caching, not leave it deaf: no notification for a while, ask.
            if (!await connection.WaitAsync(Heartbeat, ct))
            {
                await ping.ExecuteScalarAsync(ct);
            }
        }
    }
}
