using System.Diagnostics;
using ProductFlow.IntegrationTests.Server;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Telemetry;

/// <summary>A real <c>serve</c> process exporting the <c>ProductFlow</c> meter and spans over OTLP/HTTP to a receiver on 127.0.0.1, configured
/// the standard way (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
[NonParallelizable]
[CancelAfter(180_000)]
public class ServeTelemetryTests
{
    private DemoFolder _demo = null!;

    [SetUp]
    public void SetUp() => _demo = new DemoFolder();

    [TearDown]
    public void TearDown() => _demo.Dispose();

    private Dictionary<string, string?> Embedded(Uri? otlp) => new()
    {
        ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null, ["PRODUCTFLOW_BLOB"] = null,
        ["ProductFlow__DataDirectory"] = _demo.Data,
        ["ProductFlow__Inbox__Poll"] = "* * * * * *",
        ["ProductFlow__Inbox__StableFor"] = "00:00:00",
        ["ProductFlow__Jobs__QueuePollInterval"] = "00:00:00.5",
        ["ProductFlow__Jobs__SchedulePollingInterval"] = "00:00:01",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp?.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = otlp is null ? null : "http/protobuf",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = otlp is null ? null : "500",
        ["OTEL_BSP_SCHEDULE_DELAY"] = otlp is null ? null : "500",
    };

    [Test]
    public async Task Serve_exports_the_rows_of_a_run_the_jobs_the_queues_and_the_publication_lag_and_traces_the_run()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Embedded(receiver.Endpoint), "--embedded");

        _demo.Drop(_demo.Sample, "monday.csv");

        // An export can catch the run's duration point made but not yet counted (count 0): wait for the export that counts it.
        await WaitForAsync(
            () => receiver.Latest("productflow.rows.read", "pipeline", "demo")?.Value == 361 && receiver.Latest("productflow.run.duration", "pipeline", "demo")?.Value >= 1,
            receiver,
            serve);
        Assert.That(receiver.Latest("productflow.rows.accepted", "pipeline", "demo")?.Value, Is.EqualTo(354));
        Assert.That(receiver.Latest("productflow.rows.rejected", "pipeline", "demo")?.Value, Is.EqualTo(7));
        var duration = receiver.Latest("productflow.run.duration", "pipeline", "demo");
        Assert.That((duration?.Kind, duration?.Unit, duration?.Value, duration?.Attributes["status"]), Is.EqualTo(("histogram", "s", 1.0, "completed")));
        Assert.That(receiver.Latest("productflow.jobs.enqueued", "job", "IngestionJobs.RunFeedAsync")?.Attributes["queue"], Is.EqualTo("ingest"));
        Assert.That(receiver.Points.Where(p => p.Metric == "productflow.rows.read").Select(p => p.Scope), Is.All.EqualTo("ProductFlow"));

        // The gauges: queues read from Hangfire at each collection; the lag once a refresh has read the new version's manifest.
        await WaitForAsync(() => receiver.Latest("productflow.publication.lag", "channel", "web") is not null, receiver, serve);
        var lag = receiver.Latest("productflow.publication.lag", "channel", "web")!;
        Assert.That((lag.Kind, lag.Unit), Is.EqualTo(("gauge", "s")));
        Assert.That(lag.Value, Is.GreaterThan(0).And.LessThan(120), "now minus the start of the run that stored the data");
        Assert.That(receiver.Latest("productflow.jobs.queue.length", "queue", "ingest")?.Kind, Is.EqualTo("gauge"));
        Assert.That(receiver.Points.Any(p => p.Metric == "http.server.request.duration"), Is.True, "ASP.NET Core's metrics too");

        await WaitForAsync(() => receiver.Spans.Any(s => s.Name == "productflow.run"), receiver, serve);
        var run = receiver.Spans.First(s => s.Name == "productflow.run");
        var job = receiver.Spans.Single(s => s.SpanId == run.ParentSpanId);
        Assert.That((run.Scope, run.Attributes["productflow.pipeline"], run.Attributes["productflow.run.status"]), Is.EqualTo(("ProductFlow", "demo", "completed")));
        Assert.That((job.Name, job.Attributes["productflow.job"]), Is.EqualTo(("productflow.job", "IngestionJobs.RunFeedAsync")), "the run is traced inside its job");
        Assert.That(receiver.Spans.Any(s => s.Name == "productflow.publish" && s.TraceId == run.TraceId), Is.True);
        Assert.That(receiver.ContentTypes, Is.All.EqualTo("application/x-protobuf"));
    }

    [Test]
    public async Task Serve_without_an_otlp_endpoint_exports_nothing_and_runs_as_before()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Embedded(null), "--embedded");

        _demo.Drop(_demo.Sample, "monday.csv");
        var clock = Stopwatch.StartNew();
        while (!Directory.Exists(Path.Combine(_demo.Data, "archive")) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
        }

        Assert.That(Directory.Exists(Path.Combine(_demo.Data, "archive")), Is.True, serve.Output);
        Assert.That(receiver.ContentTypes, Is.Empty);
    }

    private static async Task WaitForAsync(Func<bool> done, OtlpReceiver receiver, ServeProcess serve)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                var metrics = string.Join(", ", receiver.Points.Select(p => p.Metric).Distinct());
                var spans = string.Join(", ", receiver.Spans.Select(s => s.Name).Distinct());
                Assert.Fail($"not received within 90 s; metrics: {metrics}; spans: {spans}\n{serve.Output}");
            }

            await Task.Delay(250);
        }
    }
}
