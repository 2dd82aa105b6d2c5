namespace ProductFlow.Connectors.Http;

/// <summary>How to page through a JSON API (<c>format: http-json</c>, pipeline <c>source.http</c>).</summary>
/// <remarks>
/// Credentials never live in the pipeline file: <see cref="BearerTokenVariable"/> and <see cref="HeaderValueVariable"/>
/// name environment variables (configuration) that hold them.
/// </remarks>
public sealed class HttpSourceOptions
{
    /// <summary>The JSON pointer of the array of products in a page; empty (default) when the page is the array.</summary>
    public string Items { get; set; } = "";

    /// <summary><c>next-link</c> (a URL in the body at <see cref="NextLink"/>), <c>link-header</c> (RFC 8288 <c>rel="next"</c>), <c>page</c> (page/size parameters) or <c>none</c>. Default <c>link-header</c>.</summary>
    public string Paging { get; set; } = "link-header";

    /// <summary>For <c>next-link</c>: the JSON pointer of the next page's URL. Default <c>/next</c>.</summary>
    public string NextLink { get; set; } = "/next";

    /// <summary>For <c>page</c>: the page number parameter (default <c>page</c>), its first value (default 1), the size parameter (default <c>size</c>) and value (default 100).</summary>
    public string PageParameter { get; set; } = "page";

    public int FirstPage { get; set; } = 1;

    public string SizeParameter { get; set; } = "size";

    public int PageSize { get; set; } = 100;

    /// <summary>The environment variable that holds a bearer token.</summary>
    public string? BearerTokenVariable { get; set; }

    /// <summary>A header to send (e.g. <c>X-Api-Key</c>) with the value of <see cref="HeaderValueVariable"/>.</summary>
    public string? HeaderName { get; set; }

    public string? HeaderValueVariable { get; set; }

    /// <summary>Retries of a page on 408, 429 and 5xx, with exponential backoff, honouring <c>Retry-After</c>. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay, in milliseconds. Default 500.</summary>
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>The timeout of one attempt, in seconds. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The most pages read, against a server that never stops. Default 100,000.</summary>
    public int MaxPages { get; set; } = 100_000;
}
