namespace InvestCRM.Tests.Fixtures;

/// <summary>
/// What the machine running the tests offers. A developer without PostgreSQL or Chromium gets skipped
/// tests; CI (CI=true) must have everything, so there a missing dependency fails the test instead.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "INVESTCRM_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Server connection string without a database, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres.</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static void RequirePostgres() =>
        Require(PostgresServer is not null, $"PostgreSQL tests need {PostgresVariable} (see .ci/start-postgres.sh).");

    /// <summary>Skips the running test on a developer machine; fails it in CI.</summary>
    public static void Require(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail($"{reason} CI=true, so this is a failure rather than a skip.");
        }

        Assert.Skip(reason);
    }
}
