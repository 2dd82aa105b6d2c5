using System.Diagnostics.Metrics;
using ProductFlow.Store;

namespace ProductFlow.Telemetry;

/// <summary>The instruments of the <c>ProductFlow</c> meter, defined here once: names, units and tags are a contract with dashboards and alerts.</summary>
/// <remarks>
/// <para>Counters and the run histogram are recorded where the work happens (a run when it ends, a job when its state changes). The gauges
/// read what the host registers with <see cref="ObserveQueueLength"/> and <see cref="ObservePublicationLag"/>: queues and channels are
/// known to the service, not to the pipeline.</para>
/// <para>Tags: <c>pipeline</c> (the pipeline's name), <c>status</c> (<c>completed</c> or <c>failed</c>), <c>channel</c>, <c>queue</c>,
/// <c>job</c> (<c>Type.Method</c> of a job). None carries a SKU, a feed name or a run id: each tag has few values.</para>
/// </remarks>
public static class ProductFlowMetrics
{
    private static readonly Meter Meter = ProductFlowTelemetry.Meter;

    private static readonly ObservedSources<long> QueueLengths = new();
    private static readonly ObservedSources<double> PublicationLags = new();

    public static Counter<long> RowsRead { get; } = Meter.CreateCounter<long>("productflow.rows.read", "{row}", "Data rows read from feeds by runs that write to the store");

    public static Counter<long> RowsAccepted { get; } = Meter.CreateCounter<long>("productflow.rows.accepted", "{row}", "Rows stored by runs");

    public static Counter<long> RowsRejected { get; } = Meter.CreateCounter<long>("productflow.rows.rejected", "{row}", "Rows quarantined by runs");

    public static Histogram<double> RunDuration { get; } = Meter.CreateHistogram<double>("productflow.run.duration", "s", "How long runs took, from the store opened to the report written");

    public static Counter<long> JobsEnqueued { get; } = Meter.CreateCounter<long>("productflow.jobs.enqueued", "{job}", "Jobs put on a queue (new, retried, triggered)");

    public static Counter<long> JobsFailed { get; } = Meter.CreateCounter<long>("productflow.jobs.failed", "{job}", "Jobs failed for good, their retries spent");

    public static ObservableGauge<long> QueueLength { get; } =
        Meter.CreateObservableGauge("productflow.jobs.queue.length", QueueLengths.Measure, "{job}", "Jobs waiting in each queue");

    public static ObservableGauge<double> PublicationLag { get; } =
        Meter.CreateObservableGauge("productflow.publication.lag", PublicationLags.Measure, "s", "Per channel: now minus the newest data behind its current version");

    /// <summary>Records a run that wrote to the store: its rows and its duration, tagged with its pipeline (and its status for the duration).</summary>
    public static void RecordRun(RunRecord run, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pipeline = new KeyValuePair<string, object?>("pipeline", run.Pipeline);
        RowsRead.Add(run.Counts.Read, pipeline);
        RowsAccepted.Add(run.Counts.Accepted, pipeline);
        RowsRejected.Add(run.Counts.Rejected, pipeline);
        RunDuration.Record(duration.TotalSeconds, pipeline, new KeyValuePair<string, object?>("status", run.Status == RunStatus.Failed ? "failed" : "completed"));
    }

    public static void RecordJobEnqueued(string queue, string job) =>
        JobsEnqueued.Add(1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("job", job));

    public static void RecordJobFailed(string queue, string job) =>
        JobsFailed.Add(1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("job", job));

    /// <summary>Makes <paramref name="lengths"/> (queue name, waiting jobs) part of <c>productflow.jobs.queue.length</c> until disposed.</summary>
    public static IDisposable ObserveQueueLength(Func<IEnumerable<(string Queue, long Length)>> lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        return QueueLengths.Add(() => lengths().Select(l => new Measurement<long>(l.Length, new KeyValuePair<string, object?>("queue", l.Queue))));
    }

    /// <summary>Makes <paramref name="lags"/> (channel, lag) part of <c>productflow.publication.lag</c> until disposed.</summary>
    public static IDisposable ObservePublicationLag(Func<IEnumerable<(string Channel, TimeSpan Lag)>> lags)
    {
        ArgumentNullException.ThrowIfNull(lags);
        return PublicationLags.Add(() => lags().Select(l => new Measurement<double>(l.Lag.TotalSeconds, new KeyValuePair<string, object?>("channel", l.Channel))));
    }
}
