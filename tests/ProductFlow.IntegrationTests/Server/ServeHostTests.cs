using System.Net;
using System.Text.Json;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary><c>productflow serve</c> as a process: its configuration, health and logs, embedded and on PostgreSQL.</summary>
[NonParallelizable]
[CancelAfter(180_000)]
public class ServeHostTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static Dictionary<string, string?> Clean() => new()
    {
        ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null, ["PRODUCTFLOW_BLOB"] = null,
        ["ProductFlow__Store__ConnectionString"] = null, ["ProductFlow__Blob__ConnectionString"] = null,
    };

    [Test]
    public async Task Serve_embedded_needs_nothing_but_its_data_folder_and_is_live_and_ready()
    {
        await using var serve = await ServeProcess.StartAsync(_dir.Path, Clean(), "--embedded", "--data", _dir.Combine("data"));

        using var ready = await serve.Client.GetAsync(new Uri("health/ready", UriKind.Relative));
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(body.GetProperty("checks").GetProperty("exports").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(File.Exists(_dir.Combine("data", "productflow.db")), Is.True, "the embedded store is the data folder's");
    }

    [Test]
    public void Serve_without_embedded_and_without_a_store_setting_stops_with_one_line_naming_the_key()
    {
        var result = CliProcess.Run(_dir.Path, Clean(), "serve", "--urls", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("productflow:", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), result.ToString());
        Assert.That(lines[0], Does.Contain("ProductFlow:Store:ConnectionString").And.Contain("ProductFlow:Blob:ConnectionString"));
    }

    [Test]
    public void A_bad_setting_from_the_environment_stops_the_host_naming_it()
    {
        var environment = Clean();
        environment["ProductFlow__PartnerApi__PermitLimit"] = "0";

        var result = CliProcess.Run(_dir.Path, environment, "serve", "--embedded", "--data", _dir.Combine("data"), "--urls", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("ProductFlow:PartnerApi:PermitLimit must be positive"));
    }

    [Test]
    public async Task Ready_answers_503_naming_the_store_while_postgresql_is_unreachable()
    {
        var environment = Clean();
        environment["ProductFlow__Store__ConnectionString"] = $"Host=127.0.0.1;Port={FreePort.Next()};Username=nobody;Password=x;Database=none;Timeout=2";
        environment["ProductFlow__Exports__Folder"] = _dir.Combine("exports");
        await using var serve = await ServeProcess.StartAsync(_dir.Path, environment);

        using var ready = await serve.Client.GetAsync(new Uri("health/ready", UriKind.Relative));
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That(body.GetProperty("checks").GetProperty("exports").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(serve.Output, Does.Not.Contain("Password=x"), "no connection secret in the log");
    }

    [Test]
    public async Task Serve_on_postgresql_and_blob_storage_is_ready()
    {
        var environment = Clean();
        environment["ProductFlow__Store__ConnectionString"] = await PostgreSqlServer.CreateDatabaseAsync("serve");
        environment["ProductFlow__Blob__ConnectionString"] = Azure.Azurite.ConnectionString;
        environment["ProductFlow__Exports__Container"] = "t" + Guid.NewGuid().ToString("N");
        await using var serve = await ServeProcess.StartAsync(_dir.Path, environment, "--log-format", "json");

        using var ready = await serve.Client.GetAsync(new Uri("health/ready", UriKind.Relative));

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
        var logLines = serve.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(logLines, Is.Not.Empty);
        Assert.That(logLines.All(line => line.StartsWith("{\"@t\":", StringComparison.Ordinal)), Is.True, "compact JSON, one event per line:\n" + serve.Output);
        Assert.That(serve.Output, Does.Contain("/health/ready"));
    }

    [Test]
    public async Task The_openapi_document_describes_every_partner_endpoint_with_its_key_schemes()
    {
        await using var serve = await ServeProcess.StartAsync(_dir.Path, Clean(), "--embedded", "--data", _dir.Combine("data"));

        var document = JsonDocument.Parse(await serve.Client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative))).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/partners/{partner}/exports/{channel}/latest", "/partners/{partner}/exports/{channel}/versions",
            "/partners/{partner}/exports/{channel}/versions/{version}", "/partners/{partner}/exports/{channel}/versions/{version}/manifest",
            "/partners/{partner}/exports/{channel}/changes",
        }));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.That(schemes.GetProperty("ApiKey").GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
        Assert.That(schemes.GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.That(operation.Value.GetProperty("security").GetArrayLength(), Is.EqualTo(2), $"{operation.Name} {path.Name}");
            }
        }

        Assert.That(paths, Is.SupersetOf(new[] { "/feeds/{pipeline}", "/runs", "/runs/{id}", "/runs/{id}/retry" }));
    }
}
