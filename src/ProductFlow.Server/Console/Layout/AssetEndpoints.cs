using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ProductFlow.Server.Console.Layout;

/// <summary><c>/console/assets/console.css</c> and <c>console.js</c>: served by the host, cached for a year under the versioned URL the pages link.</summary>
internal static class AssetEndpoints
{
    public static RouteGroupBuilder MapAssets(this RouteGroupBuilder console)
    {
        console.MapGet("/assets/console.css", (HttpContext context) => Serve(context, ConsoleAssets.Stylesheet, "text/css; charset=utf-8")).AllowAnonymous();
        console.MapGet("/assets/console.js", (HttpContext context) => Serve(context, ConsoleAssets.Script, "text/javascript; charset=utf-8")).AllowAnonymous();
        return console;
    }

    private static FileContentHttpResult Serve(HttpContext context, ReadOnlyMemory<byte> content, string type)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.Bytes(content, type, entityTag: new EntityTagHeaderValue($"\"{ConsoleAssets.Version}\""));
    }
}
