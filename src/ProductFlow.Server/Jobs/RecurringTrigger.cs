using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using ProductFlow.PostgreSql;

namespace ProductFlow.Server.Jobs;

/// <summary>Triggers a recurring job of the service from outside it (<c>productflow schedules trigger</c>): Hangfire enqueues it now in its
/// PostgreSQL storage, and a worker runs it, exactly as when its time comes.</summary>
public static class RecurringTrigger
{
    /// <summary>Enqueues the recurring job <paramref name="id"/>; returns the background job's id, or null when no such recurring job is registered.</summary>
    public static string? Trigger(string connectionString, string schema, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var storage = new PostgreSqlStorage(
            new NpgsqlConnectionFactory(PostgreSqlConnectionString.Parse(connectionString).ConnectionString, new PostgreSqlStorageOptions { SchemaName = schema }),
            new PostgreSqlStorageOptions { SchemaName = schema, PrepareSchemaIfNecessary = true });
        using (var connection = storage.GetConnection())
        {
            if (connection.GetRecurringJobs([id]).FirstOrDefault() is not { Removed: false })
            {
                return null;
            }
        }

        return new RecurringJobManager(storage).TriggerJob(id);
    }
}
