using System.Text;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Dashboard;

/// <summary>Who may open the Hangfire dashboard: whoever presents the admin key, as <c>X-Api-Key</c> or as the password of HTTP basic auth
/// (a browser asks for it). Nobody is let in anonymously, from any address; without a configured admin key nobody is let in at all.</summary>
internal sealed class DashboardAccess(IOptions<ProductFlowOptions> options) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (AdminKey.Matches(options.Value.AdminKey, PresentedKey(http.Request)))
        {
            return true;
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"ProductFlow operations\", charset=\"UTF-8\"";
        return false;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"] is { Count: > 0 } header)
        {
            return header[0];
        }

        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
