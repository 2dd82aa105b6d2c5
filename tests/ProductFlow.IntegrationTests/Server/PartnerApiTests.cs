using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary>Partners pull their exports from <c>serve --embedded</c> with the key <c>partner add</c> printed: every status the API promises.</summary>
[NonParallelizable]
[CancelAfter(300_000)]
public class PartnerApiTests
{
    private PartnerDemo _demo = null!;
    private ServeProcess _serve = null!;
    private string _acme = "";
    private string _other = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _demo = new PartnerDemo();
        _demo.Run();
        _acme = _demo.AddPartner("acme", null, "partner", "google");
        _other = _demo.AddPartner("other", null, "web");
        _serve = await ServeProcess.StartAsync(_demo.Root, new Dictionary<string, string?>(), "--embedded", "--data", _demo.Data);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _serve.DisposeAsync();
        _demo.Dispose();
    }

    private static HttpRequestMessage Get(string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.TrimStart('/'), UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? key = null, Action<HttpRequestMessage>? change = null)
    {
        using var request = Get(path, key);
        change?.Invoke(request);
        return await _serve.Client.SendAsync(request);
    }

    [Test]
    public async Task Latest_streams_the_current_version_with_its_sha256_as_etag_and_answers_304_to_that_etag()
    {
        using var response = await SendAsync("/partners/acme/exports/partner/latest", _acme);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var etag = response.Headers.ETag!;
        Assert.That(etag.Tag, Is.EqualTo($"\"{Convert.ToHexStringLower(SHA256.HashData(body))}\""), "the ETag is the sha256 of the bytes served");
        Assert.That(body, Is.EqualTo(await File.ReadAllBytesAsync(Path.Combine(_demo.Data, "exports", "partner", "v1", "partner.csv"))));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("partner-v1.csv"));
        Assert.That(response.Content.Headers.LastModified, Is.Not.Null);

        using var again = await SendAsync("/partners/acme/exports/partner/latest", _acme, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task A_bearer_token_is_the_same_key()
    {
        using var response = await SendAsync("/partners/acme/exports/partner/latest", null, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _acme));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(null)]
    [TestCase("pf_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("not a key at all")]
    public async Task Without_a_valid_key_the_answer_is_401_with_a_challenge(string? key)
    {
        using var response = await SendAsync("/partners/acme/exports/partner/latest", key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EquivalentTo(new[] { "ApiKey", "Bearer" }));
    }

    [Test]
    public async Task A_key_of_another_partner_or_a_channel_not_granted_is_403()
    {
        using var notGranted = await SendAsync("/partners/acme/exports/web/latest", _acme);
        using var otherPartner = await SendAsync("/partners/other/exports/web/latest", _acme);
        using var otherWithOwnKey = await SendAsync("/partners/other/exports/web/latest", _other);

        Assert.That(notGranted.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(otherPartner.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(otherWithOwnKey.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other partner's own key still opens its own channel");
    }

    [Test]
    public async Task What_does_not_exist_is_404()
    {
        using var version = await SendAsync("/partners/acme/exports/partner/versions/99", _acme);
        using var manifest = await SendAsync("/partners/acme/exports/partner/versions/99/manifest", _acme);
        using var ghost = await SendAsync("/partners/acme/exports/google/latest", _acme);

        Assert.That(version.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(manifest.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ghost.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "granted, never published");
    }

    [TestCase("/partners/acme/exports/..%2f..%2fweb/latest")]
    [TestCase("/partners/acme/exports/%2e%2e/latest")]
    [TestCase("/partners/acme/exports/partner%2f..%2f..%2fweb/latest")]
    [TestCase("/partners/acme/exports/partner%5c..%5cweb/latest")]
    [TestCase("/partners/acme/exports/.state/latest")]
    [TestCase("/partners/acme/exports/%2fetc%2fpasswd/latest")]
    [TestCase("/partners/acme/exports/partner/versions/1%2f..%2f..%2f..%2fweb%2fv1%2fmanifest.json")]
    [TestCase("/partners/..%2facme/exports/partner/latest")]
    [TestCase("/partners/acme/exports/partner/../../../web/v1/web.jsonl")]
    public async Task A_path_trick_with_a_valid_key_never_reaches_another_file(string path)
    {
        var status = await RawHttp.GetStatusAsync(_serve.Address, path, new Dictionary<string, string> { ["X-Api-Key"] = _acme });

        Assert.That(status, Is.AnyOf(400, 404));
    }

    [Test]
    public async Task Range_requests_get_206_with_the_bytes_asked_and_416_past_the_end()
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(_demo.Data, "exports", "partner", "v1", "partner.csv"));

        using var part = await SendAsync("/partners/acme/exports/partner/versions/1", _acme, r => r.Headers.Range = new RangeHeaderValue(10, 29));
        using var past = await SendAsync("/partners/acme/exports/partner/versions/1", _acme, r => r.Headers.Range = new RangeHeaderValue(file.Length + 100, null));

        Assert.That(part.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await part.Content.ReadAsByteArrayAsync(), Is.EqualTo(file[10..30]));
        Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.RequestedRangeNotSatisfiable));
    }

    [TestCase("gzip")]
    [TestCase("br")]
    public async Task A_compressed_response_decompresses_to_the_version_bytes(string encoding)
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(_demo.Data, "exports", "partner", "v1", "partner.csv"));

        using var response = await SendAsync("/partners/acme/exports/partner/latest", _acme, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding == "gzip" ? new GZipStream(body, CompressionMode.Decompress) : new BrotliStream(body, CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await decompressed.CopyToAsync(copy);

        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
        Assert.That(copy.ToArray(), Is.EqualTo(file));
    }

    [Test]
    public async Task Versions_and_manifest_describe_each_published_version()
    {
        using var versions = await SendAsync("/partners/acme/exports/partner/versions", _acme);
        using var manifest = await SendAsync("/partners/acme/exports/partner/versions/1/manifest", _acme);

        var list = JsonDocument.Parse(await versions.Content.ReadAsStringAsync()).RootElement;
        var first = list.EnumerateArray().First();
        Assert.That(first.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(first.GetProperty("mode").GetString(), Is.EqualTo("full"));
        Assert.That(first.GetProperty("rows").GetInt64(), Is.GreaterThan(300));
        var described = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
        Assert.That(described.GetProperty("sha256").GetString(), Is.EqualTo(first.GetProperty("sha256").GetString()));
    }

    [Test]
    public async Task The_access_log_answers_did_partner_acme_fetch_the_file()
    {
        using (await SendAsync("/partners/acme/exports/partner/versions/1", _acme))
        {
        }

        // The log is written in batches on a task of its own: give it a moment.
        string json = "";
        for (var attempt = 0; attempt < 50 && !json.Contains("\"version\"", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(200);
            json = _demo.Cli("partner", "activity", "acme", "--json").Stdout;
        }

        Assert.That(json, Does.Contain("\"channel\":\"partner\"").Or.Contain("\"target\":\"partner\""), json);
        Assert.That(json, Does.Contain("200"));
        Assert.That(json, Does.Not.Contain(_acme), "never the key");
    }

    [Test]
    public async Task Keys_are_never_in_clear_in_the_store_or_the_log()
    {
        using (await SendAsync("/partners/acme/exports/partner/latest", _acme))
        {
        }

        var store = await File.ReadAllBytesAsync(Path.Combine(_demo.Data, "productflow.db"));
        var wal = Path.Combine(_demo.Data, "productflow.db-wal");
        var bytes = File.Exists(wal) ? store.Concat(await File.ReadAllBytesAsync(wal)).ToArray() : store;
        // pf_<id>_<secret>: the id is hex, the secret base64url, which may itself hold '_'.
        var secret = _acme[(_acme.IndexOf('_', "pf_".Length) + 1)..];
        Assert.That(secret, Has.Length.GreaterThan(20), _acme);

        Assert.That(System.Text.Encoding.ASCII.GetString(bytes), Does.Not.Contain(secret));
        Assert.That(_serve.Output, Does.Not.Contain(secret));
    }
}
