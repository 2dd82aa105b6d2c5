using System.Globalization;
using Hangfire.Common;
using Hangfire.Server;

namespace ProductFlow.Server.Jobs;

/// <summary>Lets one job at a time run for the same value of an argument (a pipeline's ingestion, a schedule's publication), across every
/// worker: Hangfire's own distributed lock on <c>productflow:&lt;scope&gt;:&lt;value&gt;</c>, held while the job runs.</summary>
/// <remarks>A job that cannot take the lock within the timeout fails with Hangfire's lock timeout and is retried later by its retry filter.</remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnePerArgumentAttribute(string scope, int argument, int timeoutSeconds = 600) : JobFilterAttribute, IServerFilter
{
    private const string Held = "productflow.lock";

    public string Scope { get; } = scope;

    public int Argument { get; } = argument;

    public int TimeoutSeconds { get; } = timeoutSeconds;

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = Convert.ToString(context.BackgroundJob.Job.Args[Argument], CultureInfo.InvariantCulture);
        context.Items[Held] = context.Connection.AcquireDistributedLock($"productflow:{Scope}:{value}", TimeSpan.FromSeconds(TimeoutSeconds));
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(Held, out var held) && held is IDisposable handle)
        {
            handle.Dispose();
        }
    }
}
