using Polly.Timeout;
using ProductFlow.Connectors.Remote;

namespace ProductFlow.Connectors.Http;

/// <summary>Downloads a feed file (csv, xlsx, json, ...) from an http(s) URL, with the credentials, retries, <c>Retry-After</c> and timeouts of
/// <c>http-json</c> (<see cref="HttpSourceOptions"/>, <see cref="ResilientHttp"/>, <see cref="HttpCredentials"/>).</summary>
/// <remarks>The body is streamed to <c>target</c> as it arrives, never held whole. Retries cover the request up to the response's headers (408,
/// 429, 5xx, a refused or dropped connection); a body cut in the middle fails the download.</remarks>
internal static class HttpFeedDownload
{
    public static async Task DownloadAsync(RemoteLocation location, HttpSourceOptions options, Stream target, CancellationToken cancellationToken)
    {
        var source = location.ToString();
        using var client = ResilientHttp.Create(options);
        using var request = new HttpRequestMessage(HttpMethod.Get, location.Uri);
        HttpCredentials.Apply(request, options, source);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FeedReadException($"{source}: {RemoteErrors.Describe(e) ?? e.Message} (after {options.MaxRetries} retries)", source, null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var retried = (int)response.StatusCode is 408 or 429 or >= 500 ? $" (after {options.MaxRetries} retries)" : "";
                throw new FeedReadException($"{source}: {RemoteErrors.Describe(response.StatusCode, response.ReasonPhrase)}{retried}", source);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                try
                {
                    await body.CopyToAsync(target, 1 << 16, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw new FeedReadException($"{source}: the download was cut after {target.Position} bytes: {RemoteErrors.Describe(e) ?? e.Message}", source, null, e);
                }
            }
        }
    }
}
