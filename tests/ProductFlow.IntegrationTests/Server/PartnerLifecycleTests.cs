using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary>The partner API over time: keys rotated, revoked and disabled, the rate limit, changes between versions, and
/// downloads while publications replace <c>latest</c>; each on a <c>serve --embedded</c> of its own.</summary>
[NonParallelizable]
[CancelAfter(300_000)]
public class PartnerLifecycleTests
{
    private PartnerDemo _demo = null!;

    [SetUp]
    public void SetUp()
    {
        _demo = new PartnerDemo();
        _demo.Run();
    }

    [TearDown]
    public void TearDown() => _demo.Dispose();

    private Task<ServeProcess> ServeAsync(Dictionary<string, string?>? environment = null) =>
        ServeProcess.StartAsync(_demo.Root, environment ?? new Dictionary<string, string?>(), "--embedded", "--data", _demo.Data);

    private static async Task<HttpStatusCode> StatusAsync(ServeProcess serve, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        using var response = await serve.Client.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task A_rotated_key_stops_at_once_or_after_its_grace_and_a_disabled_partner_is_refused()
    {
        var first = _demo.AddPartner("acme", null, "partner");
        await using var serve = await ServeAsync();
        const string latest = "/partners/acme/exports/partner/latest";

        var rotated = _demo.Cli("partner", "rotate-key", "acme");
        var second = rotated.Stdout.TrimEnd().Split('\n')[^1].Trim();
        Assert.That(await StatusAsync(serve, latest, first), Is.EqualTo(HttpStatusCode.Unauthorized), "the old key stops at once");
        Assert.That(await StatusAsync(serve, latest, second), Is.EqualTo(HttpStatusCode.OK));

        var graced = _demo.Cli("partner", "rotate-key", "acme", "--grace", "1h");
        var third = graced.Stdout.TrimEnd().Split('\n')[^1].Trim();
        Assert.That(await StatusAsync(serve, latest, second), Is.EqualTo(HttpStatusCode.OK), "within its grace period");
        Assert.That(await StatusAsync(serve, latest, third), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(_demo.Cli("partner", "revoke-channel", "acme", "--channel", "partner").ExitCode, Is.Zero);
        Assert.That(await StatusAsync(serve, latest, third), Is.EqualTo(HttpStatusCode.Forbidden), "a revoked channel");
        Assert.That(_demo.Cli("partner", "grant", "acme", "--channel", "partner").ExitCode, Is.Zero);
        Assert.That(await StatusAsync(serve, latest, third), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(_demo.Cli("partner", "disable", "acme").ExitCode, Is.Zero);
        Assert.That(await StatusAsync(serve, latest, third), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Past_its_rate_limit_a_partner_gets_429_with_retry_after_and_others_are_not_slowed()
    {
        var acme = _demo.AddPartner("acme", null, "partner");
        var other = _demo.AddPartner("other", null, "partner");
        await using var serve = await ServeAsync(new Dictionary<string, string?>
        {
            ["ProductFlow__PartnerApi__PermitLimit"] = "3", ["ProductFlow__PartnerApi__Window"] = "00:01:00",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await StatusAsync(serve, "/partners/acme/exports/partner/versions", acme));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("partners/acme/exports/partner/versions", UriKind.Relative));
        request.Headers.Add("X-Api-Key", acme);
        using var limited = await serve.Client.SendAsync(request);

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(await StatusAsync(serve, "/partners/other/exports/partner/versions", other), Is.EqualTo(HttpStatusCode.OK), "limits are per partner");
    }

    [Test]
    public async Task Changes_since_a_version_list_what_changed_and_a_version_no_longer_kept_is_410()
    {
        var acme = _demo.AddPartner("acme", null, "partner");
        await using var serve = await ServeAsync();

        async Task<(HttpStatusCode Status, string Body, string? Version)> ChangesAsync(int since)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"partners/acme/exports/partner/changes?since={since}", UriKind.Relative));
            request.Headers.Add("X-Api-Key", acme);
            using var response = await serve.Client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(),
                response.Headers.TryGetValues("X-ProductFlow-Version", out var values) ? values.Single() : null);
        }

        var everything = await ChangesAsync(0);
        var nothing = await ChangesAsync(1);
        Assert.That(everything.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(everything.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("change").GetString()), Is.All.EqualTo("added"));
        Assert.That((nothing.Status, nothing.Body, nothing.Version), Is.EqualTo((HttpStatusCode.OK, "", "1")));

        _demo.Run(feed: _demo.Repriced(100));
        var repriced = await ChangesAsync(1);
        var lines = repriced.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(repriced.Version, Is.EqualTo("2"));
        Assert.That(lines, Is.Not.Empty);
        Assert.That(lines.Select(l => l.GetProperty("change").GetString()), Is.All.EqualTo("changed"));
        Assert.That(lines[0].GetProperty("changed").EnumerateArray().Select(f => f.GetString()), Does.Contain("price"), "the channel view's field, as the state file keeps it");

        _demo.Run(feed: _demo.Repriced(200));
        Assert.That((await ChangesAsync(1)).Status, Is.EqualTo(HttpStatusCode.Gone), "the channel keeps two versions: v1 is gone");
        Assert.That((await ChangesAsync(2)).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ChangesAsync(9)).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Downloads_while_publications_replace_latest_are_each_one_whole_version_matching_their_etag()
    {
        var acme = _demo.AddPartner("acme", null, "partner");
        await using var serve = await ServeAsync(new Dictionary<string, string?> { ["ProductFlow__PartnerApi__PermitLimit"] = "1000000" });
        using var stop = new CancellationTokenSource();
        var seen = new List<(string Etag, string Sha256)>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("partners/acme/exports/partner/latest", UriKind.Relative));
                request.Headers.Add("X-Api-Key", acme);
                using var response = await serve.Client.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                lock (seen)
                {
                    seen.Add((response.StatusCode == HttpStatusCode.OK ? response.Headers.ETag!.Tag.Trim('"') : $"{(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}", Convert.ToHexStringLower(SHA256.HashData(body))));
                }
            }
        });

        for (var cents = 1; cents <= 3; cents++)
        {
            _demo.Run(feed: _demo.Repriced(cents));
        }

        await stop.CancelAsync();
        await reader;

        Assert.That(seen, Has.Count.GreaterThan(3));
        Assert.That(seen.Where(s => s.Etag != s.Sha256), Is.Empty, "every response is the version its ETag names");
        Assert.That(seen.Select(s => s.Etag).Distinct().Count(), Is.GreaterThan(1), "latest moved while the partner read it");
    }
}
