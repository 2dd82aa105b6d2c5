using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Admin;
using ProductFlow.Server.Console.Channels;
using ProductFlow.Server.Console.Layout;
using ProductFlow.Server.Console.Products;
using ProductFlow.Server.Console.Quarantine;
using ProductFlow.Server.Console.Runs;
using ProductFlow.Server.Console.Uploads;

namespace ProductFlow.Server.Console;

/// <summary>The steward console at <c>/console</c>: pages rendered on the server (Razor components), each behind the console's session and
/// sent with <see cref="ConsoleHeaders"/>; <c>/</c> leads there.</summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapProductFlowConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => TypedResults.Redirect(ConsolePaths.Runs)).ExcludeFromDescription();
        var console = endpoints.MapGroup(ConsolePaths.Root).RequireAuthorization(ConsolePolicies.User).ExcludeFromDescription();
        console.AddEndpointFilter<ConsoleHeaders>();
        console.MapGet("/", () => TypedResults.Redirect(ConsolePaths.Runs));
        console.MapAssets().MapSignIn().MapRunPages().MapUploadPages().MapProductPages().MapQuarantinePages().MapChannelPages().MapAdminPages();
        return endpoints;
    }
}
