using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductFlow.Access;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Authentication;

/// <summary>Signs a request in with the key it carries (<c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: Bearer &lt;key&gt;</c>), checked
/// against the hashed keys in the store (<see cref="KeyAuthenticator"/>).</summary>
/// <remarks>The operators' key (<c>ProductFlow:AdminKey</c>) signs in as the operator. No key: no result (the endpoint's challenge answers 401). A key that matches nobody, has expired, or whose owner is
/// disabled fails the same way, with the same answer. The key itself is never logged or kept.</remarks>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StoreProvider stores, TimeProvider time,
    IOptions<ProductFlowOptions> settings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (AdminKey.Matches(settings.Value.AdminKey, presented))
        {
            var admin = new ClaimsIdentity([new(ClaimTypes.Name, AdminPolicy.PrincipalName), new(ApiKeyClaims.Kind, AdminPolicy.Kind)], SchemeName, ClaimTypes.Name, ApiKeyClaims.Role);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(admin), SchemeName));
        }

        Principal? principal;
        var store = await stores.OpenAsync(Context.RequestAborted).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            principal = await KeyAuthenticator.AuthenticateAsync(store, presented, time.GetUtcNow(), cancellationToken: Context.RequestAborted).ConfigureAwait(false);
        }

        if (principal is null)
        {
            return AuthenticateResult.Fail("the key is not valid");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, principal.Name), new(ApiKeyClaims.Kind, principal.Kind.ToString()) };
        claims.AddRange(principal.Grants.Select(g => new Claim(ApiKeyClaims.Grant, g)));
        if (principal.Role is { } role)
        {
            claims.Add(new Claim(ApiKeyClaims.Role, role));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ApiKeyClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = new Microsoft.Extensions.Primitives.StringValues([$"{SchemeName} header=\"{HeaderName}\"", "Bearer"]);
        return Task.CompletedTask;
    }

    private string? PresentedKey()
    {
        if (Request.Headers[HeaderName] is { Count: > 0 } header && header[0] is { Length: > 0 } key)
        {
            return key.Trim();
        }

        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7 ? authorization[7..].Trim() : null;
    }
}
