using System.Diagnostics;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Http;

namespace ProductFlow.IntegrationTests.Http;

/// <summary>The HTTP pull connector against a real Kestrel server on 127.0.0.1.</summary>
[NonParallelizable]
[CancelAfter(60_000)]
public class HttpJsonFeedReaderTests
{
    private SupplierApi _api = null!;

    [SetUp]
    public async Task StartServer() => _api = await SupplierApi.StartAsync();

    [TearDown]
    public async Task StopServer() => await _api.DisposeAsync();

    [Test]
    public async Task Pages_are_followed_by_the_next_link_in_the_body()
    {
        var rows = await ReadAsync("/next?page=1", new HttpSourceOptions { Items = "/data", Paging = "next-link", NextLink = "/links/next" }, "sku", "/dimensions/weight");

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "P1-0", "P1-1", "P2-0", "P2-1", "P3-0", "P3-1" }));
        Assert.That(rows.Select(r => r[1]).Distinct(), Is.EqualTo(new[] { "0.5", "1.5" }));
        Assert.That((rows[3].Line, rows[3].Location), Is.EqualTo((4L, "page 2 $[1]")));
    }

    [Test]
    public async Task Pages_are_followed_by_the_link_header()
    {
        var rows = await ReadAsync("/link?page=1", new HttpSourceOptions { Paging = "link-header" }, "sku");

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "P1-0", "P1-1", "P2-0", "P2-1", "P3-0", "P3-1" }));
    }

    [Test]
    public async Task Page_and_size_parameters_stop_at_a_short_page()
    {
        var rows = await ReadAsync("/paged", new HttpSourceOptions { Paging = "page", PageSize = 2 }, "sku");

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "P1-0", "P1-1", "P2-0", "P2-1", "P3-0" }));
        Assert.That(_api.Hits["/paged"], Is.EqualTo(3));
    }

    [Test]
    public async Task Throttling_and_server_errors_are_retried_honouring_retry_after()
    {
        var clock = Stopwatch.StartNew();

        var rows = await ReadAsync("/throttled", new HttpSourceOptions { Paging = "none", RetryDelayMilliseconds = 10 }, "sku");

        Assert.That(rows, Has.Count.EqualTo(3));
        Assert.That(_api.Hits["/throttled"], Is.EqualTo(3));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "Retry-After: 1 was honoured");
    }

    [Test]
    public async Task A_page_that_fails_after_its_retries_fails_the_feed_with_url_and_status()
    {
        var error = await Assert.ThrowsAsync<FeedReadException>(
            () => ReadAsync("/broken", new HttpSourceOptions { Paging = "none", MaxRetries = 2, RetryDelayMilliseconds = 10 }, "sku"));

        Assert.That(error!.Message, Does.Contain(_api.At("/broken").ToString()).And.Contain("HTTP 500"));
        Assert.That(_api.Hits["/broken"], Is.EqualTo(3));
    }

    [Test]
    public async Task The_bearer_token_comes_from_the_environment_variable_the_pipeline_names()
    {
        Environment.SetEnvironmentVariable("PF_TEST_SUPPLIER_TOKEN", SupplierApi.Token);
        try
        {
            var rows = await ReadAsync("/secure", new HttpSourceOptions { Paging = "none", BearerTokenVariable = "PF_TEST_SUPPLIER_TOKEN" }, "sku");

            Assert.That(rows.Single()[0], Is.EqualTo("P1-0"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PF_TEST_SUPPLIER_TOKEN", null);
        }

        var error = await Assert.ThrowsAsync<FeedReadException>(
            () => ReadAsync("/secure", new HttpSourceOptions { Paging = "none", BearerTokenVariable = "PF_TEST_SUPPLIER_TOKEN" }, "sku"));
        Assert.That(error!.Message, Does.Contain("PF_TEST_SUPPLIER_TOKEN"));
    }

    private async Task<List<SourceRow>> ReadAsync(string path, HttpSourceOptions options, params string[] columns)
    {
        var rows = new List<SourceRow>();
        await foreach (var row in new HttpJsonFeedReader().ReadAsync(new FeedSource(_api.At(path).ToString()) { Http = options, RequiredColumns = columns }))
        {
            rows.Add(row);
        }

        return rows;
    }
}
