using Microsoft.AspNetCore.Http;

namespace ProductFlow.Server.Console.Layout;

/// <summary>The headers of every console page: a Content-Security-Policy that lets nothing load from elsewhere and no inline script or
/// style run, and no framing, sniffing or referrer leaks.</summary>
/// <remarks>Even a value that escaped its encoding could not run: scripts come from the host's own <c>console.js</c> only. A run's report.html
/// is served with its own policy (in its page), not this one.</remarks>
internal sealed class ConsoleHeaders : IEndpointFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // What anti-forgery sets on a page with a form anyway (set here, it does not warn that it overrode it): no page is kept by a cache.
        headers.CacheControl = "no-cache, no-store";
        return next(context);
    }
}
