using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ProductFlow.Connectors.Http;

/// <summary>The one place where the HTTP connector's retries and timeouts are decided (Microsoft.Extensions.Http.Resilience).</summary>
internal static class ResilientHttp
{
    public static HttpClient Create(HttpSourceOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
            ShouldRetryAfterHeader = true, // a 429 or 503 with Retry-After waits as long as the server asks
        };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(retry);
        }

        // The timeout is per attempt: a retried page gets a fresh one.
        var pipeline = builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
#pragma warning disable CA2000 // the handler chain is owned and disposed by the HttpClient
        var handler = new ResilienceHandler(pipeline) { InnerHandler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All } };
#pragma warning restore CA2000
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
