using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;

namespace ProductFlow.Server.Partners;

/// <summary>Records every signed-in partner request in the access log: partner, action, channel, version, status and bytes sent (never the key).</summary>
/// <remarks>Placed before response compression, so the bytes counted are the bytes that left the host.</remarks>
internal static class AccessRecording
{
    public static IApplicationBuilder UseAccessRecording(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/partners", StringComparison.Ordinal), branch => branch.Use(RecordAsync));

    private static async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var body = context.Response.Body;
        var counting = new CountingStream(body);
        context.Response.Body = counting;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = body;
        }

        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, Name: { } name }
            && Enum.TryParse<PrincipalKind>(user.FindFirstValue(ApiKeyClaims.Kind), out var kind))
        {
            var note = AccessNote.Find(context);
            var record = new AccessRecord(DateTimeOffset.UtcNow, kind, name, note?.Action ?? "request", note?.Target, context.Response.StatusCode, counting.Written)
            {
                Version = note?.Version,
            };
            await context.RequestServices.GetRequiredService<AccessLog>().RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
