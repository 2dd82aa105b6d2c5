using Npgsql;

namespace ProductFlow.IntegrationTests.Support;

/// <summary>The PostgreSQL server test.sh starts for this run (<c>PRODUCTFLOW_TEST_POSTGRES</c>), and a fresh database per fixture.</summary>
/// <remarks>
/// Without the variable the tests are ignored with a reason, except under <c>CI=true</c>, where they fail: CI must
/// never pass by skipping the server tests.
/// </remarks>
internal static class PostgreSqlServer
{
    public const string EnvironmentVariable = "PRODUCTFLOW_TEST_POSTGRES";

    /// <summary>The server's connection string (to its maintenance database); fails or ignores the test when there is none.</summary>
    public static string ConnectionString
    {
        get
        {
            if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            {
                return configured;
            }

            var reason = $"{EnvironmentVariable} is not set: run ./test.sh, which starts a throwaway PostgreSQL cluster";
            MissingTool.Stop(reason);
            return "";
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = $"pf_{prefix}_{Guid.NewGuid():N}"[..32].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary><paramref name="connectionString"/> as a deployed service uses it: pooled. The tests' own connection strings are not
    /// (a database drops at once), but a service that opened a connection per query would authenticate per query, as no deployment does.</summary>
    public static string AsService(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true }.ConnectionString;

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Empties every ProductFlow table of a database (the schema stays).</summary>
    public static async Task TruncateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "DO $$ BEGIN IF to_regclass('products') IS NOT NULL THEN TRUNCATE runs, products, product_versions, quarantine, principals, access_keys, access_log, outbox, session_keys; END IF; "
            + "IF to_regclass('product_models') IS NOT NULL THEN TRUNCATE product_models, product_model_versions; END IF; END $$", connection);
        await command.ExecuteNonQueryAsync();
    }
}
