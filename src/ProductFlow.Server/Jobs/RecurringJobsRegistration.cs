using System.Data.Common;
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
/// <c>pipeline:&lt;name&gt;</c>), each pipeline's inbox poll (<c>inbox:&lt;folder&gt;</c>) and <c>retention</c> (unless disabled) added or updated, and
/// any of ours that are no longer wanted removed.</summary>
/// <remarks>Idempotent: every process that starts (serve, each worker) registers the same jobs with the same ids, so there is one of each.
/// The pipelines are read before the host starts (a pipeline that does not load stops it); the jobs are written to Hangfire's storage
/// within <see cref="WaitAtStart"/> as a rule, so a process that is live has registered them. A storage that is down must not keep the host
/// from starting (its health check says the store is down): the registration then goes on in the background, every <see cref="RetryEvery"/>,
/// until it succeeds.</remarks>
internal sealed partial class RecurringJobsRegistration(
    IRecurringJobManager recurring, JobStorage storage, InboxProvider inboxes, IOptions<ProductFlowOptions> options, ILogger<RecurringJobsRegistration> logger)
    : IHostedService, IDisposable
{
    public static readonly TimeSpan WaitAtStart = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(30);

    private static readonly string[] OwnPrefixes = ["channel:", "pipeline:", "inbox:"];

    private readonly CancellationTokenSource _stopping = new();
    private Task? _registering;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var plan = Plan();
        _registering = Task.Run(() => RegisterAsync(plan, _stopping.Token), CancellationToken.None);
        await Task.WhenAny(_registering, Task.Delay(WaitAtStart, cancellationToken)).ConfigureAwait(false);
        if (_registering.IsFaulted)
        {
            await _registering.ConfigureAwait(false); // a fault of ProductFlow, not a storage that is down: the host does not start
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_registering is { IsCompleted: false })
        {
            // A registration still waiting on a storage that does not answer writes nothing worth waiting for: Hangfire's writes are
            // transactions, and the next start registers everything again.
            await Task.WhenAny(_registering, Task.Delay(TimeSpan.FromSeconds(2), cancellationToken)).ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>What the pipelines ask for: the schedules, the inbox polls, where they come from; null without a pipelines folder.</summary>
    private Registrations? Plan()
    {
        var folder = Path.GetFullPath(options.Value.Pipelines);
        if (!Directory.Exists(folder))
        {
            // serve --embedded needs nothing but its data folder: without pipelines there is nothing to schedule or poll. Jobs
            // registered before stay: a mistyped folder must not remove them.
            LogNoPipelines(logger, folder);
            return null;
        }

        var inboxFolders = inboxes.Folders(PipelineFiles.Load(folder).Select(p => p.Definition.Name)).Keys.ToList();
        return new Registrations(folder, ScheduleCatalog.Load(folder), inboxFolders);
    }

    private async Task RegisterAsync(Registrations? plan, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                Register(plan);
                return;
            }
            catch (Exception e) when (IsStorageDown(e))
            {
                LogDeferred(logger, e.Message.ReplaceLineEndings(" "), RetryEvery.TotalSeconds);
            }

            try
            {
                await Task.Delay(RetryEvery, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Register(Registrations? plan)
    {
        var settings = options.Value;
        RegisterRetention(settings.Retention);
        if (plan is null)
        {
            return;
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schedule in plan.Schedules)
        {
            recurring.AddOrUpdate<PublicationJobs>(
                schedule.Id, JobQueues.Publish, job => job.PublishAsync(schedule.Id, CancellationToken.None), schedule.When.Cron,
                new RecurringJobOptions { TimeZone = schedule.When.Zone });
            wanted.Add(schedule.Id);
        }

        foreach (var inbox in plan.Inboxes)
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

        LogRegistered(logger, wanted.Count, plan.Folder);
    }

    /// <summary>Retention runs whatever the pipelines (reports and filed feeds outlive them); disabled, its job goes.</summary>
    private void RegisterRetention(RetentionSettings retention)
    {
        if (retention.Enabled)
        {
            recurring.AddOrUpdate<RetentionJobs>(
                RetentionJobs.Id, JobQueues.Default, job => job.PurgeAsync(CancellationToken.None), retention.Schedule,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(retention.TimeZone) });
        }
        else
        {
            recurring.RemoveIfExists(RetentionJobs.Id);
        }
    }

    private sealed record Registrations(string Folder, IReadOnlyList<Schedule> Schedules, IReadOnlyList<string> Inboxes);

    private static bool IsStorageDown(Exception e) => e is DbException or TimeoutException or DistributedLockTimeoutException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {Id} removed: no pipeline or setting asks for it any more")]
    private static partial void LogRemoved(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No pipelines folder at {Pipelines}: no schedule or inbox is registered, and the recurring jobs registered before are left as they are")]
    private static partial void LogNoPipelines(ILogger logger, string pipelines);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} recurring job(s) registered from {Pipelines}")]
    private static partial void LogRegistered(ILogger logger, int count, string pipelines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recurring jobs not registered, Hangfire's storage is down: {Reason}; tried again in {Seconds} s")]
    private static partial void LogDeferred(ILogger logger, string reason, double seconds);
}
