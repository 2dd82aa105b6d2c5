using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Blobs;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary>Suppliers upload feeds over HTTP and follow their runs; operators list, read and retry runs: on <c>serve --embedded</c>, and on
/// <c>serve</c> + <c>worker</c> with PostgreSQL and Blob Storage.</summary>
[NonParallelizable]
[CancelAfter(300_000)]
public class FeedsAndRunsTests
{
    private const string AdminKey = "operator-key-for-tests-only";

    private DemoFolder _demo = null!;

    [SetUp]
    public void SetUp()
    {
        _demo = new DemoFolder();
        // A second pipeline, the same feed under another name: a supplier granted one is refused the other.
        System.IO.File.WriteAllText(_demo.Combine("pipelines", "outlet.json"), System.IO.File.ReadAllText(_demo.Pipeline).Replace("\"name\": \"demo\"", "\"name\": \"outlet\"", StringComparison.Ordinal));
    }

    [TearDown]
    public void TearDown() => _demo.Dispose();

    private Dictionary<string, string?> Embedded(string maxBytes = "104857600") => new()
    {
        ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null,
        ["ProductFlow__DataDirectory"] = _demo.Data,
        ["ProductFlow__AdminKey"] = AdminKey,
        ["ProductFlow__Uploads__MaxBytes"] = maxBytes,
        ["ProductFlow__Jobs__SchedulePollingInterval"] = "00:00:01",
    };

    private string AddSupplier(string name, IReadOnlyDictionary<string, string?> environment, params string[] pipelines)
    {
        var result = _demo.Cli(environment, ["supplier", "add", name, .. pipelines.SelectMany(p => new[] { "--pipeline", p }), "--data", _demo.Data]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    private static async Task<HttpResponseMessage> SendAsync(ServeProcess serve, HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await serve.Client.SendAsync(request);
    }

    private static StreamContent File(string path) => new(System.IO.File.OpenRead(path)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    private static async Task<JsonElement> WaitForRunAsync(ServeProcess serve, string runId, string key, params string[] done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await SendAsync(serve, HttpMethod.Get, $"/runs/{runId}", key);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var run = JsonDocument.Parse(body).RootElement;
                if (done.Contains(run.GetProperty("status").GetString()))
                {
                    return run;
                }
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                Assert.Fail($"run {runId} not {string.Join("/", done)} within 90 s: {(int)response.StatusCode} {body}\n{serve.Output}");
            }

            await Task.Delay(250);
        }
    }

    [Test]
    public async Task A_supplier_uploads_a_feed_and_follows_its_run_to_the_report_and_rejected_rows()
    {
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Embedded(), "--embedded");
        var nordic = AddSupplier("nordic", Embedded(), "demo");

        using var upload = await SendAsync(serve, HttpMethod.Post, "/feeds/demo?name=spring.csv", nordic, File(_demo.Sample));
        var queued = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), queued.ToString());
        var runId = queued.GetProperty("runId").GetString()!;
        Assert.That(upload.Headers.Location!.OriginalString, Is.EqualTo($"/runs/{runId}"));
        Assert.That(queued.GetProperty("status").GetString(), Is.EqualTo("queued"));

        var run = await WaitForRunAsync(serve, runId, nordic, "completed", "failed");
        Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(run.GetProperty("counts").GetProperty("read").GetInt64(), Is.EqualTo(361));
        Assert.That(run.GetProperty("feed").GetProperty("name").GetString(), Does.EndWith("spring.csv"));
        Assert.That(run.GetProperty("issuesByRule").EnumerateObject(), Is.Not.Empty);
        Assert.That(run.GetProperty("submittedBy").GetString(), Is.EqualTo("supplier:nordic"));

        using var report = await SendAsync(serve, HttpMethod.Get, $"/runs/{runId}/report", nordic);
        using var rejected = await SendAsync(serve, HttpMethod.Get, $"/runs/{runId}/rejected.csv", nordic);
        using var issues = await SendAsync(serve, HttpMethod.Get, $"/runs/{runId}/issues.csv", nordic);
        Assert.That(report.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await report.Content.ReadAsStringAsync(), Does.Contain(runId));
        Assert.That((await rejected.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.GreaterThan(1));
        Assert.That(issues.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_multipart_form_with_one_file_is_an_upload_too()
    {
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Embedded(), "--embedded");
        var nordic = AddSupplier("nordic", Embedded(), "demo");
        using var form = new MultipartFormDataContent { { File(_demo.Sample), "file", "form.csv" } };

        using var upload = await SendAsync(serve, HttpMethod.Post, "/feeds/demo", nordic, form);
        var runId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;

        var run = await WaitForRunAsync(serve, runId, nordic, "completed", "failed");
        Assert.That(run.GetProperty("feed").GetProperty("name").GetString(), Does.EndWith("form.csv"));
        Assert.That(run.GetProperty("counts").GetProperty("read").GetInt64(), Is.EqualTo(361));
    }

    [Test]
    public async Task Uploads_are_refused_with_a_wrong_key_401_an_unknown_pipeline_404_a_pipeline_not_granted_403_and_past_the_limit_413()
    {
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Embedded(maxBytes: "10000"), "--embedded");
        var nordic = AddSupplier("nordic", Embedded(), "demo");

        using var wrong = await SendAsync(serve, HttpMethod.Post, "/feeds/demo", "pf_0123456789ab_nottherealsecretnottherealsecretnottherealsec", File(_demo.Sample));
        using var none = await SendAsync(serve, HttpMethod.Post, "/feeds/demo", null, File(_demo.Sample));
        using var unknown = await SendAsync(serve, HttpMethod.Post, "/feeds/nothing", nordic, File(_demo.Sample));
        using var forbidden = await SendAsync(serve, HttpMethod.Post, "/feeds/outlet", nordic, File(_demo.Sample));
        using var large = await SendAsync(serve, HttpMethod.Post, "/feeds/demo?name=large.csv", nordic, File(_demo.Sample));
        using var chunked = await SendAsync(serve, HttpMethod.Post, "/feeds/demo?name=chunked.csv", nordic, new StreamContent(new NoLengthStream(System.IO.File.ReadAllBytes(_demo.Sample))));

        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), "declared too large");
        Assert.That(chunked.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), "found too large while streaming");
        var inbox = Path.Combine(_demo.Data, "inbox", "demo");
        Assert.That(Directory.Exists(inbox) ? Directory.GetFiles(inbox) : [], Is.Empty, "nothing of a refused upload is kept");
    }

    [Test]
    public async Task Operators_list_and_retry_runs_and_a_supplier_sees_only_its_own()
    {
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Embedded(), "--embedded");
        var nordic = AddSupplier("nordic", Embedded(), "demo", "outlet");
        var other = AddSupplier("other", Embedded(), "outlet");
        var broken = _demo.Combine("broken.csv");
        System.IO.File.WriteAllText(broken, "sku,name\nA,\"never closed\n");

        using var upload = await SendAsync(serve, HttpMethod.Post, "/feeds/demo?name=broken.csv", nordic, File(broken));
        var runId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;
        var failed = await WaitForRunAsync(serve, runId, AdminKey, "completed", "failed");
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(failed.GetProperty("links").GetProperty("retry").GetString(), Is.EqualTo($"/runs/{runId}/retry"));

        using var hidden = await SendAsync(serve, HttpMethod.Get, $"/runs/{runId}", other);
        using var listed = await SendAsync(serve, HttpMethod.Get, "/runs?pipeline=demo&status=failed", AdminKey);
        using var othersList = await SendAsync(serve, HttpMethod.Get, "/runs", other);
        using var supplierRetry = await SendAsync(serve, HttpMethod.Post, $"/runs/{runId}/retry", nordic);
        using var retry = await SendAsync(serve, HttpMethod.Post, $"/runs/{runId}/retry", AdminKey);

        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another supplier's run does not exist for it");
        var runs = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("runs");
        Assert.That(runs.EnumerateArray().Select(r => r.GetProperty("id").GetString()), Does.Contain(runId));
        Assert.That(JsonDocument.Parse(await othersList.Content.ReadAsStringAsync()).RootElement.GetProperty("runs").GetArrayLength(), Is.Zero);
        Assert.That(supplierRetry.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "retry is the operators'");
        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await retry.Content.ReadAsStringAsync());
        var again = JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;
        Assert.That(again, Is.Not.EqualTo(runId));
        var second = await WaitForRunAsync(serve, again, AdminKey, "completed", "failed");
        Assert.That(second.GetProperty("feed").GetProperty("sha256").GetString(), Is.EqualTo(failed.GetProperty("feed").GetProperty("sha256").GetString()), "the same feed, run again");
    }

    [Test]
    public async Task On_postgresql_and_blob_storage_a_folder_drop_a_blob_drop_and_an_upload_each_become_a_completed_run_with_its_report()
    {
        var store = await PostgreSqlServer.CreateDatabaseAsync("feeds");
        var blob = Azure.Azurite.ConnectionString;
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var service = new Dictionary<string, string?>
        {
            ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null, ["PRODUCTFLOW_BLOB"] = null,
            ["ProductFlow__DataDirectory"] = _demo.Data,
            ["ProductFlow__AdminKey"] = AdminKey,
            ["ProductFlow__Store__ConnectionString"] = PostgreSqlServer.AsService(store),
            ["ProductFlow__Blob__ConnectionString"] = blob,
            ["ProductFlow__Exports__Container"] = prefix + "exports",
            ["ProductFlow__Reports__Container"] = prefix + "reports",
            ["ProductFlow__Inbox__Container"] = prefix + "inbox",
            ["ProductFlow__Inbox__Folders__outlet"] = "demo",
            ["ProductFlow__Inbox__Poll"] = "* * * * * *",
            ["ProductFlow__Inbox__StableFor"] = "00:00:00",
            ["ProductFlow__Jobs__QueuePollInterval"] = "00:00:00.5",
            ["ProductFlow__Jobs__SchedulePollingInterval"] = "00:00:01",
        };
        await using var worker = await WorkerProcess.StartAsync(_demo.Root, service);
        await using var serve = await ServeProcess.StartAsync(_demo.Root, service);
        var nordic = AddSupplier("nordic", new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = store }, "demo");

        var inbox = new BlobContainerClient(blob, prefix + "inbox");
        await inbox.CreateIfNotExistsAsync();
        await inbox.GetBlobClient("inbox/demo/dropped.csv").UploadAsync(_demo.Sample);
        await inbox.GetBlobClient("inbox/demo/dropped.csv.done").UploadAsync(BinaryData.Empty);
        await inbox.GetBlobClient("inbox/outlet/routed.csv").UploadAsync(_demo.Sample);
        using var upload = await SendAsync(serve, HttpMethod.Post, "/feeds/demo?name=uploaded.csv", nordic, File(_demo.Sample));
        var uploaded = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;

        await WaitForRunAsync(serve, uploaded, nordic, "completed");
        var clock = Stopwatch.StartNew();
        List<JsonElement> runs;
        do
        {
            await Task.Delay(500);
            using var list = await SendAsync(serve, HttpMethod.Get, "/runs?status=completed", AdminKey);
            runs = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("runs").EnumerateArray().ToList();
        }
        while (runs.Count < 3 && clock.Elapsed < TimeSpan.FromSeconds(90));

        var feeds = runs.Select(r => r.GetProperty("feed").GetProperty("name").GetString()!).ToList();
        Assert.That(feeds, Has.Some.EndsWith("dropped.csv").And.Some.EndsWith("routed.csv").And.Some.EndsWith("uploaded.csv"), string.Join(", ", feeds) + "\n" + worker.Output);
        foreach (var run in runs)
        {
            using var report = await SendAsync(serve, HttpMethod.Get, $"/runs/{run.GetProperty("id").GetString()}/report.json", AdminKey);
            Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the report is in the report container, served by serve though a worker ran it");
        }
    }

    /// <summary>A body sent without a Content-Length (chunked), so the host finds its size only while reading it.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
