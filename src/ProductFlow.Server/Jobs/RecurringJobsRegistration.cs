using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductFlow.Pipelines;
using ProductFlow.Scheduling;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Inbox;

namespace ProductFlow.Server.Jobs;

/// <summary>At start-up, makes Hangfire's recurring jobs what the pipelines say: each schedule (<c>channel:&lt;code&gt;</c>,
/// <c>pipeline:&lt;name&gt;</c>) and each pipeline's inbox poll (<c>inbox:&lt;folder&gt;</c>) added or updated, and any of ours that the pipelines no
/// longer declare removed.</summary>
/// <remarks>Idempotent: every process that starts (serve, each worker) registers the same jobs with the same ids, so there is one of each.</remarks>
internal sealed partial class RecurringJobsRegistration(
    IRecurringJobManager recurring, JobStorage storage, InboxProvider inboxes, IOptions<ProductFlowOptions> options, ILogger<RecurringJobsRegistration> logger)
    : IHostedService
{
    private static readonly string[] OwnPrefixes = ["channel:", "pipeline:", "inbox:"];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.Pipelines);
        if (!Directory.Exists(folder))
        {
            // serve --embedded needs nothing but its data folder: without pipelines there is nothing to schedule or poll. Jobs
            // registered before stay: a mistyped folder must not remove them.
            LogNoPipelines(logger, folder);
            return Task.CompletedTask;
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schedule in ScheduleCatalog.Load(folder))
        {
            recurring.AddOrUpdate<PublicationJobs>(
                schedule.Id, JobQueues.Publish, job => job.PublishAsync(schedule.Id, CancellationToken.None), schedule.When.Cron,
                new RecurringJobOptions { TimeZone = schedule.When.Zone });
            wanted.Add(schedule.Id);
        }

        foreach (var inbox in inboxes.Folders(PipelineFiles.Load(folder).Select(p => p.Definition.Name)).Keys)
        {
            var id = "inbox:" + inbox;
            recurring.AddOrUpdate<IngestionJobs>(id, JobQueues.Ingest, job => job.PollAsync(inbox, CancellationToken.None), settings.Inbox.Poll, new RecurringJobOptions());
            wanted.Add(id);
        }

        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (OwnPrefixes.Any(p => job.Id.StartsWith(p, StringComparison.Ordinal)) && !wanted.Contains(job.Id))
            {
                recurring.RemoveIfExists(job.Id);
                LogRemoved(logger, job.Id);
            }
        }

        LogRegistered(logger, wanted.Count, folder);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {Id} removed: no pipeline declares it any more")]
    private static partial void LogRemoved(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No pipelines folder at {Pipelines}: no schedule or inbox is registered, and the recurring jobs registered before are left as they are")]
    private static partial void LogNoPipelines(ILogger logger, string pipelines);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} recurring job(s) registered from {Pipelines}")]
    private static partial void LogRegistered(ILogger logger, int count, string pipelines);
}
