using System.Diagnostics;
using System.Globalization;
using ProductFlow.Pipelines;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Http;

/// <summary>Feed files (csv, xlsx) at an http(s) URL, as <c>source.path</c> or <c>--input</c>, against Kestrel on 127.0.0.1: the credentials,
/// retries and <c>Retry-After</c> of <c>http-json</c>, clear failures, and a large feed streamed to disk with flat memory.</summary>
[NonParallelizable]
[CancelAfter(300_000)]
public class RemoteFeedTests
{
    private const string TokenVariable = "PF_TEST_FEED_TOKEN";

    private FeedServer _server = null!;
    private TempDirectory _dir = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var workbook = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(workbook, new[]
        {
            new Dictionary<string, object?> { ["sku"] = "W-1", ["stock"] = 3 },
            new Dictionary<string, object?> { ["sku"] = "W-2", ["stock"] = 4 },
        });
        _server = await FeedServer.StartAsync(workbook.ToArray());
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [SetUp]
    public void CreateFolder()
    {
        _dir = new TempDirectory();
        _server.Hits.Clear();
    }

    [TearDown]
    public void DeleteFolder()
    {
        _dir.Dispose();
        Environment.SetEnvironmentVariable(TokenVariable, null);
    }

    [Test]
    public async Task A_csv_at_a_url_is_read_with_the_bearer_token_the_configuration_holds()
    {
        Environment.SetEnvironmentVariable(TokenVariable, FeedServer.Token);
        var url = _server.Url("/feeds/products.csv");

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, $$"""{ "bearerTokenVariable": "{{TokenVariable}}" }""")), _dir.Combine("data"));

        Assert.That(report.Failure, Is.Null, () => report.Failure!.Message);
        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted, report.Run.Counts.Rejected), Is.EqualTo((3, 2, 1)));
        Assert.That((report.Run.Feed.Name, report.Run.Feed.Size), Is.EqualTo(("products.csv", (long)FeedServer.Csv.Length)));
        Assert.That(Directory.Exists(_dir.Combine("data", "downloads", report.Run.Id)), Is.False);
    }

    [Test]
    public async Task A_refused_token_fails_the_run_naming_the_url_and_the_status_without_retrying()
    {
        Environment.SetEnvironmentVariable(TokenVariable, "wrong-token");
        var url = _server.Url("/feeds/products.csv");

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, $$"""{ "bearerTokenVariable": "{{TokenVariable}}" }""")), _dir.Combine("data"));

        Assert.That(report.Run.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(report.Failure!.Message, Does.StartWith(url + ": HTTP 401 Unauthorized: the server refused the credentials"));
        Assert.That(_server.Hits["/feeds/products.csv"], Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(report.Folder, "report.json")), Does.Not.Contain("wrong-token"));
    }

    [Test]
    public async Task A_busy_server_is_asked_again_after_the_time_its_retry_after_names()
    {
        var clock = Stopwatch.StartNew();

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(_server.Url("/feeds/busy.csv"), """{ "retryDelayMilliseconds": 10 }""")), _dir.Combine("data"));

        Assert.That(report.Failure, Is.Null, () => report.Failure!.Message);
        Assert.That(report.Run.Counts.Accepted, Is.EqualTo(2));
        Assert.That(_server.Hits["/feeds/busy.csv"], Is.EqualTo(2));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "Retry-After: 1 was honoured over the 10 ms backoff");
    }

    [Test]
    public async Task A_missing_feed_fails_the_run_with_404_and_its_url()
    {
        var url = _server.Url("/feeds/nothing.csv");

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, """{ "retryDelayMilliseconds": 10 }""")), _dir.Combine("data"));

        Assert.That(report.Failure!.Message, Is.EqualTo(url + ": HTTP 404 Not Found: there is no feed at that URL"));
        Assert.That(_server.Hits["/feeds/nothing.csv"], Is.EqualTo(1), "a 404 is not retried");
    }

    [Test]
    public async Task A_port_nothing_listens_on_fails_the_run_as_a_refused_connection()
    {
        var url = $"http://127.0.0.1:{Support.FreePort.Next()}/feeds/products.csv";

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, """{ "maxRetries": 1, "retryDelayMilliseconds": 10 }""")), _dir.Combine("data"));

        Assert.That(report.Failure!.Message, Is.EqualTo(url + ": the connection was refused (nothing listens on that host and port) (after 1 retries)"));
    }

    [Test]
    public async Task A_workbook_at_a_url_is_downloaded_whole_then_read()
    {
        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(_server.Url("/feeds/stock.xlsx"), "{}", format: "xlsx")), _dir.Combine("data"));

        Assert.That(report.Failure, Is.Null, () => report.Failure!.Message);
        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted), Is.EqualTo((2, 2)));
    }

    [Test]
    public async Task A_body_that_takes_longer_than_the_attempt_timeout_is_not_cut()
    {
        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(_server.Url("/feeds/slow.csv"), """{ "timeoutSeconds": 1 }""")), _dir.Combine("data"));

        Assert.That(report.Failure, Is.Null, () => report.Failure!.Message);
        Assert.That(report.Run.Counts.Accepted, Is.EqualTo(5));
    }

    [Test]
    public void A_large_feed_at_a_url_streams_through_the_command_with_flat_memory()
    {
        var pipeline = Pipeline(_dir.Combine("unused.csv"), "{}");
        const int smallRows = 1_000;
        const int bigRows = 200_000; // ~210 MB

        var small = PeakMemory("validate", pipeline, "--input", _server.Url($"/feeds/big.csv?rows={smallRows}"), "--data", _dir.Combine("data"), "--json");
        var big = PeakMemory("validate", pipeline, "--input", _server.Url($"/feeds/big.csv?rows={bigRows}"), "--data", _dir.Combine("data"), "--json");

        Assert.That(big.Stdout, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"\"read\":{bigRows},")), big.Stdout);
        TestContext.Out.WriteLine($"peak working set: {small.Peak / 1e6:N0} MB for {smallRows} rows, {big.Peak / 1e6:N0} MB for {bigRows} rows (~{bigRows * 1.03 / 1e3:N0} MB)");
        Assert.That(big.Peak, Is.LessThan(small.Peak + (64L << 20)), "memory does not grow with the feed: it is streamed to disk and read from there");
    }

    /// <summary>Runs the CLI and samples its peak resident memory (VmHWM) until it exits.</summary>
    private (long Peak, string Stdout) PeakMemory(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliProcess.Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The GC's first generation grows to a budget it sizes by the CPU's cache (up to ~200 MB on a CPU with a 260 MB L3) before
        // it collects: a long run reaches it, a short one does not. A fixed 16 MB budget keeps that out of the comparison, so the
        // peaks differ by what the command holds, not by the machine it runs on; a feed held whole (~206 MB) still shows.
        start.Environment["DOTNET_GCgen0size"] = "0x1000000";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(50))
        {
            try
            {
                var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024);
                }
            }
            catch (IOException)
            {
                // Exited between the check and the read.
            }
        }

        Assert.That(process.ExitCode, Is.Zero.Or.EqualTo(1), stderr.Result);
        Assert.That(peak, Is.GreaterThan(0));
        return (peak, stdout.Result);
    }

    private string Pipeline(string path, string http, string format = "csv") => _dir.File("p.json", $$"""
        {
          "name": "remote", "catalog": "{{TestPaths.InRepository("schemas", "catalog.json").Replace("\\", "/", StringComparison.Ordinal)}}",
          "source": { "path": "{{path}}", "format": "{{format}}", "http": {{http}} },
          "mapping": { "sku": { "column": "sku" }, "values": [ { "column": "stock", "attribute": "stock" } ] }
        }
        """);
}
