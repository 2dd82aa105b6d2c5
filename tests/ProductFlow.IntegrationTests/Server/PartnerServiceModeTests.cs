using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary>The partner API of <c>serve</c> on PostgreSQL and Blob Storage (Azurite): what the CLI published into the container, the host serves.</summary>
[NonParallelizable]
[CancelAfter(300_000)]
public class PartnerServiceModeTests
{
    [Test]
    public async Task A_partner_pulls_a_blob_export_with_etag_304_and_range_from_serve_on_postgresql()
    {
        using var demo = new PartnerDemo();
        var store = await PostgreSqlServer.CreateDatabaseAsync("partners");
        var container = "t" + Guid.NewGuid().ToString("N");
        var cli = new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = store, ["PRODUCTFLOW_BLOB"] = Azure.Azurite.ConnectionString };
        demo.Run(cli, null, "--exports", $"blob:{container}");
        var key = demo.AddPartner("acme", cli, "partner");
        await using var serve = await ServeProcess.StartAsync(demo.Root, new Dictionary<string, string?>
        {
            ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_BLOB"] = null,
            ["ProductFlow__Store__ConnectionString"] = PostgreSqlServer.AsService(store),
            ["ProductFlow__Blob__ConnectionString"] = Azure.Azurite.ConnectionString,
            ["ProductFlow__Exports__Container"] = container,
        });

        async Task<HttpResponseMessage> GetAsync(Action<HttpRequestMessage>? change = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("partners/acme/exports/partner/latest", UriKind.Relative));
            request.Headers.Add("X-Api-Key", key);
            change?.Invoke(request);
            return await serve.Client.SendAsync(request);
        }

        using var whole = await GetAsync();
        var body = await whole.Content.ReadAsByteArrayAsync();
        Assert.That(whole.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(whole.Headers.ETag!.Tag, Is.EqualTo($"\"{Convert.ToHexStringLower(SHA256.HashData(body))}\""));
        using var same = await GetAsync(r => r.Headers.IfNoneMatch.Add(whole.Headers.ETag!));
        Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        using var part = await GetAsync(r => r.Headers.Range = new RangeHeaderValue(100, 199));
        Assert.That(part.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That(await part.Content.ReadAsByteArrayAsync(), Is.EqualTo(body[100..200]));
        using var unknown = await GetAsync(r => { r.Headers.Remove("X-Api-Key"); r.Headers.Add("X-Api-Key", key[..^2] + "xx"); });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
