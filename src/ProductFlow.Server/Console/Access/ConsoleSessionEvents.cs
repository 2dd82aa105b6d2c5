using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProductFlow.Access;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Layout;

namespace ProductFlow.Server.Console.Access;

/// <summary>Checks a session on every request against the store: its key still valid, its user still enabled, its role and pipelines as they
/// are now. A rotated or expired key, a disabled user, or a changed admin key ends the session at its next request.</summary>
/// <remarks>A request the console's script makes (<c>*.json</c>) is answered 401 rather than sent to the sign-in page; a page the user's
/// role does not open is answered 403 with a page that says so.</remarks>
internal sealed class ConsoleSessionEvents(StoreProvider stores, TimeProvider time, IOptions<ProductFlowOptions> options) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = context.Principal is { } principal ? await CurrentAsync(principal, context.HttpContext.RequestAborted).ConfigureAwait(false) : null;
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleAuthentication.Scheme).ConfigureAwait(false);
            return;
        }

        if (!ReferenceEquals(current, context.Principal))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ConsolePaths.IsData(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return ConsolePaths.IsData(context.Request) ? Task.CompletedTask : new RazorComponentResult<DeniedPage>().ExecuteAsync(context.HttpContext);
    }

    /// <summary>The session as it should be now: the same principal, a refreshed one (role or pipelines changed), or null when it must end.</summary>
    private async Task<ClaimsPrincipal?> CurrentAsync(ClaimsPrincipal session, CancellationToken cancellationToken)
    {
        if (session.FindFirstValue(ConsoleAuthentication.KeyClaim) is not { } keyId || ConsoleUser.Of(session) is not { } user)
        {
            return null;
        }

        if (ConsoleAuthentication.IsConfigKey(keyId, out var valid, options.Value.AdminKey))
        {
            return valid ? session : null;
        }

        StoredKey? key;
        Principal? principal;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            key = await store.FindKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
            principal = await store.FindPrincipalAsync(PrincipalKind.User, user.Name, cancellationToken).ConfigureAwait(false);
        }

        if (key is null || key.Kind != PrincipalKind.User || key.Principal != user.Name || !key.IsValidAt(time.GetUtcNow())
            || principal is null || principal.Disabled || !UserRoles.IsValid(principal.Role))
        {
            return null;
        }

        return principal.Role == user.Role && principal.Grants.SequenceEqual(user.Pipelines, StringComparer.Ordinal) ? session : ConsoleAuthentication.For(principal, keyId);
    }
}
