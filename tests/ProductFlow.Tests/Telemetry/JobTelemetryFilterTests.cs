using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.States;
using ProductFlow.Server.Telemetry;

namespace ProductFlow.Tests.Telemetry;

/// <summary>Jobs counted as Hangfire applies their states: enqueued on their queue, failed once their attempts are spent.</summary>
[NonParallelizable]
public class JobTelemetryFilterTests
{
    [Test]
    public void A_job_is_counted_when_enqueued_on_its_queue_and_when_it_fails_for_good_but_not_when_scheduled_for_a_retry()
    {
        using var metrics = new MetricsRecorder();
        using var storage = new InMemoryStorage();
        var filters = new JobFilterProviderCollection(new JobFilterCollection { new JobTelemetryFilter() }, new JobFilterAttributeFilterProvider());
        var client = new BackgroundJobClient(storage, filters);

        var id = client.Enqueue(() => SomeJobs.Publish());
        client.ChangeState(id, new ScheduledState(TimeSpan.FromSeconds(10)) { Reason = "retry 1 of 3" });
        client.ChangeState(id, new EnqueuedState("publish"));
        client.ChangeState(id, new FailedState(new InvalidOperationException("the store is down")));

        var enqueued = metrics.Of("productflow.jobs.enqueued", "job", "SomeJobs.Publish");
        var failed = metrics.Of("productflow.jobs.failed", "job", "SomeJobs.Publish");
        Assert.That(enqueued.Select(m => (m.Value, m.Tags["queue"])), Is.EqualTo(new[] { (1.0, (object?)"publish"), (1.0, "publish") }));
        Assert.That(failed.Select(m => (m.Value, m.Tags["queue"])), Is.EqualTo(new[] { (1.0, (object?)"publish") }));
    }

    public static class SomeJobs
    {
        [Queue("publish")]
        public static void Publish()
        {
        }
    }
}
