using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;

namespace ProductFlow.Server.Partners;

/// <summary>Checks a partner request once it is signed in: names shaped as names (400), the key's partner is the path's and the
/// channel is granted to it (403). Runs before any export is looked up, so a path trick never reaches the export store.</summary>
internal sealed class PartnerAccess : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var partner = http.GetRouteValue("partner") as string;
        var channel = http.GetRouteValue("channel") as string;
        if (!PrincipalNames.IsValid(partner) || !ChannelCodes.IsValid(channel))
        {
            return TypedResults.Problem("the partner or channel in the path is not a valid name", statusCode: StatusCodes.Status400BadRequest);
        }

        var user = http.User;
        if (!string.Equals(user.FindFirstValue(ApiKeyClaims.Kind), nameof(PrincipalKind.Partner), StringComparison.Ordinal)
            || !string.Equals(user.Identity?.Name, partner, StringComparison.Ordinal))
        {
            return TypedResults.Problem("this key is not the key of that partner", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!user.FindAll(ApiKeyClaims.Grant).Any(g => string.Equals(g.Value, channel, StringComparison.Ordinal)))
        {
            return TypedResults.Problem($"channel '{channel}' is not granted to partner '{partner}'", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context).ConfigureAwait(false);
    }
}
