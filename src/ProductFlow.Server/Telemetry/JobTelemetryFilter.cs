using System.Diagnostics;
using System.Reflection;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using ProductFlow.Telemetry;

namespace ProductFlow.Server.Telemetry;

/// <summary>Counts jobs enqueued and failed for good (<c>productflow.jobs.enqueued</c>, <c>productflow.jobs.failed</c>), and traces each job's
/// execution as a <c>productflow.job</c> span, a child of the span that enqueued it when there was one (an HTTP request of <c>serve</c>).</summary>
/// <remarks>A state is counted when it is applied, in the process that applies it (the client that creates a job, the worker that retries or
/// fails it, the scheduler that enqueues a recurring job): once per transition, whichever process. A failed attempt with retries left becomes
/// a scheduled retry, not a failure: <c>failed</c> counts only jobs whose attempts are spent.</remarks>
internal sealed class JobTelemetryFilter : JobFilterAttribute, IApplyStateFilter, IClientFilter, IServerFilter
{
    private const string TraceParent = "traceparent";
    private const string ActivityItem = "productflow.activity";

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        if (job is null)
        {
            return;
        }

        if (context.NewState is EnqueuedState enqueued)
        {
            ProductFlowMetrics.RecordJobEnqueued(enqueued.Queue, Name(job));
        }
        else if (context.NewState is FailedState)
        {
            ProductFlowMetrics.RecordJobFailed(job.Queue ?? job.Method.GetCustomAttribute<QueueAttribute>()?.Queue ?? EnqueuedState.DefaultQueue, Name(job));
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Activity.Current?.Id is { } parent)
        {
            context.SetJobParameter(TraceParent, parent);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        var parent = context.GetJobParameter<string>(TraceParent) is { } traceParent && ActivityContext.TryParse(traceParent, null, out var parsed) ? parsed : default;
        var activity = ProductFlowTelemetry.ActivitySource.StartActivity("productflow.job", ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return;
        }

        activity.SetTag("productflow.job", Name(job));
        activity.SetTag("productflow.job.id", context.BackgroundJob.Id);
        context.Items[ActivityItem] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            if (context.Exception is { } exception && !context.ExceptionHandled)
            {
                activity.SetStatus(ActivityStatusCode.Error, exception.GetBaseException().GetType().Name);
            }

            activity.Dispose();
        }
    }

    /// <summary>The job's <c>job</c> tag: its class and method, <c>IngestionJobs.RunFeedAsync</c>.</summary>
    private static string Name(Job job) => $"{job.Type.Name}.{job.Method.Name}";
}
