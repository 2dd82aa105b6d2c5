using System.Net;
using System.Net.Sockets;
using System.Text;
using ProductFlow.Server.Diagnostics;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Server;

/// <summary>What doctor checks of the service, from an appsettings.json as <c>serve</c> reads it (no host built).</summary>
public class ServiceDoctorTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TempDirectory _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    private Task<IReadOnlyList<DoctorCheck>> CheckAsync() => ServiceDoctor.CheckAsync(_dir.Path, new FixedTime(Noon));

    private void Settings(string productFlow) => _dir.File("appsettings.json", $$"""{ "ProductFlow": {{productFlow}} }""");

    private static string Json(string path) => path.Replace("\\", "/", StringComparison.Ordinal);

    [Test]
    public async Task Without_settings_there_is_one_line_saying_so()
    {
        var checks = await CheckAsync();

        Assert.That(checks.Select(c => (c.Ok, c.Text)), Is.EqualTo(new[] { (true, "service: not configured (no appsettings.json, no ProductFlow__* variables): serve --embedded runs on its defaults") }));
    }

    [Test]
    public async Task Embedded_settings_check_the_data_folder_and_list_every_schedule_with_its_next_run()
    {
        var pipelines = CopyDemo("\"kind\": \"web-json\", \"schedule\": { \"cron\": \"0 2 * * *\", \"timeZone\": \"Europe/Oslo\" },");
        Settings($$"""{ "DataDirectory": "{{Json(_dir.Combine("data"))}}", "Pipelines": "{{Json(pipelines)}}" }""");

        var checks = await CheckAsync();

        Assert.That(checks, Has.All.Property(nameof(DoctorCheck.Ok)).True, string.Join("\n", checks));
        Assert.That(checks.Select(c => c.Text), Is.EqualTo(new[]
        {
            "service settings: no ProductFlow:Store:ConnectionString, so serve --embedded, from appsettings.json, environment",
            $"service store: embedded SQLite in {_dir.Combine("data")}",
            $"service exports: folder {_dir.Combine("data", "exports")}",
            "service jobs: Hangfire in memory (serve --embedded)",
            "service schedule channel:web: 0 2 * * * Europe/Oslo, next 2026-03-02 02:00 (2026-03-02 01:00 UTC)",
            "service schedule retention: 30 3 * * * UTC, next 2026-03-02 03:30 (2026-03-02 03:30 UTC)",
        }));
    }

    [Test]
    public async Task Bad_settings_and_pipelines_that_do_not_load_are_each_a_failed_line()
    {
        Settings($$"""{ "DataDirectory": "{{Json(_dir.Combine("data"))}}", "Pipelines": "{{Json(_dir.Combine("nowhere"))}}", "Retention": { "Schedule": "0 25 * * *", "Reports": "00:00:00" } }""");

        var failed = (await CheckAsync()).Where(c => !c.Ok).Select(c => c.Text).ToList();

        Assert.That(failed, Has.Count.EqualTo(2), string.Join("\n", failed));
        Assert.That(failed[0], Does.StartWith("service settings: ProductFlow:Retention:Schedule: '0 25 * * *' is not a cron expression").And.Contain("; ProductFlow:Retention:Reports must be positive"));
        Assert.That(failed[1], Is.EqualTo($"service schedules: the pipelines folder {_dir.Combine("nowhere")} does not exist"));
    }

    [TestCase(200, true, "reachable (HTTP 200 to an empty batch)")]
    [TestCase(400, true, "reachable (HTTP 400 to an empty batch)")]
    [TestCase(401, false, "refused the key (HTTP 401): check ProductFlow:Events:Key")]
    public async Task The_event_grid_endpoint_is_reachable_unless_it_refuses_the_key(int status, bool ok, string said)
    {
        using var topic = new CannedHttpServer(status);
        Settings($$"""{ "DataDirectory": "{{Json(_dir.Combine("data"))}}", "Pipelines": "{{Json(CopyDemo(null))}}", "Events": { "Endpoint": "http://127.0.0.1:{{topic.Port}}/api/events", "Key": "topic-key" } }""");

        var events = (await CheckAsync()).Single(c => c.Text.StartsWith("service events", StringComparison.Ordinal));

        Assert.That((events.Ok, events.Text), Is.EqualTo((ok, $"service events: Event Grid at 127.0.0.1:{topic.Port} {said}")));
        Assert.That(topic.Requests.Single(), Does.StartWith("POST /api/events HTTP/1.1").And.Contain("aeg-sas-key: topic-key").And.EndWith("\r\n\r\n[]"));
    }

    [Test]
    public async Task An_event_grid_endpoint_nobody_listens_on_is_unreachable()
    {
        Settings($$"""{ "DataDirectory": "{{Json(_dir.Combine("data"))}}", "Pipelines": "{{Json(CopyDemo(null))}}", "Events": { "Endpoint": "http://127.0.0.1:1/api/events", "Key": "k" } }""");

        var events = (await CheckAsync()).Single(c => c.Text.StartsWith("service events", StringComparison.Ordinal));

        Assert.That(events.Ok, Is.False);
        Assert.That(events.Text, Does.StartWith("service events: Event Grid at 127.0.0.1:1 unreachable: "));
    }

    /// <summary>A copy of the demo's pipelines, schemas and samples, the web channel's kind patched with <paramref name="webKind"/>; returns its pipelines folder.</summary>
    private string CopyDemo(string? webKind)
    {
        _dir.CopyFromRepository(["pipelines", "schemas", "samples"], under: "demo");

        if (webKind is not null)
        {
            var catalog = _dir.Combine("demo", "schemas", "catalog.json");
            File.WriteAllText(catalog, File.ReadAllText(catalog).Replace("\"kind\": \"web-json\",", webKind, StringComparison.Ordinal));
        }

        return _dir.Combine("demo", "pipelines");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>An HTTP server on 127.0.0.1 that answers every request with one status and keeps what it was sent.</summary>
    private sealed class CannedHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task _serving;

        public CannedHttpServer(int status)
        {
            _listener.Start();
            _serving = Task.Run(async () =>
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    await using var stream = client.GetStream();
                    var request = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!Complete(request.ToString()))
                    {
                        var read = await stream.ReadAsync(buffer);
                        if (read == 0)
                        {
                            break;
                        }

                        request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    Requests.Add(request.ToString());
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} Canned\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Requests { get; } = [];

        public void Dispose() => _listener.Stop();

        private static bool Complete(string request)
        {
            var end = request.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var length = request.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))?.Split(':')[1].Trim();
            return request.Length - end - 4 >= int.Parse(length ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
