using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProductFlow.PostgreSql;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Extensions;
using ProductFlow.Server.Inbox;
using ProductFlow.Server.Telemetry;

namespace ProductFlow.Server.Jobs;

/// <summary>Hangfire for ProductFlow: PostgreSQL storage (its own schema, sliding invisibility timeout) in service mode, in-memory storage with
/// <c>--embedded</c>; a server in the processes that run jobs; the recurring jobs registered from the pipelines at start-up.</summary>
public static class JobServices
{
    public static IServiceCollection AddProductFlowJobs(this IServiceCollection services, JobServer? server)
    {
        // Every job says its attempts (AutomaticRetry on the method): none falls back to Hangfire's default of 10 by accident.
        foreach (var retry in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).Select(f => f.Instance).ToList())
        {
            GlobalJobFilters.Filters.Remove(retry);
        }

        GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute { Attempts = 0 });

        // Jobs enqueued and failed, and a span per job: once, however many hosts this process builds (Hangfire's filters are global).
        foreach (var telemetry in GlobalJobFilters.Filters.Where(f => f.Instance is JobTelemetryFilter).Select(f => f.Instance).ToList())
        {
            GlobalJobFilters.Filters.Remove(telemetry);
        }

        GlobalJobFilters.Filters.Add(new JobTelemetryFilter());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InboxProvider>();
        services.TryAddSingleton<JobLocks>();
        services.TryAddTransient<IngestionJobs>();
        services.TryAddTransient<PublicationJobs>();
        services.TryAddTransient<RetentionJobs>();
        services.AddHangfire((provider, configuration) =>
        {
            var options = provider.GetRequiredService<IOptions<ProductFlowOptions>>().Value;
            configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (provider.GetRequiredService<HostModeHolder>().Mode == HostMode.Embedded)
            {
                configuration.UseInMemoryStorage();
                return;
            }

            var connection = PostgreSqlConnectionString.Parse(options.Jobs.ConnectionString ?? options.Store.ConnectionString!).ConnectionString;
            configuration.UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connection),
                new PostgreSqlStorageOptions
                {
                    SchemaName = options.Jobs.Schema,
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = options.Jobs.QueuePollInterval,
                    InvisibilityTimeout = options.Jobs.InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                    // Hangfire's own locks (a recurring job's, the schedulers') are held for milliseconds; a worker killed while it
                    // held one leaves a row that blocks that recurring job until it expires: a minute, not Hangfire.PostgreSql's ten.
                    // Our jobs' exclusion does not use these locks (JobLocks: PostgreSQL advisory locks, released with the connection).
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                });
        });

        if (server is not null)
        {
            services.AddHangfireServer((provider, hangfire) =>
            {
                var jobs = provider.GetRequiredService<IOptions<ProductFlowOptions>>().Value.Jobs;
                hangfire.Queues = [.. server.Queues];
                hangfire.WorkerCount = server.Workers ?? jobs.Workers;
                hangfire.ShutdownTimeout = jobs.ShutdownTimeout;
                hangfire.SchedulePollingInterval = jobs.SchedulePollingInterval;
            });
        }

        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }
}
