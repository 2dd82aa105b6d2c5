using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;

namespace ProductFlow.Server.Console.Access;

/// <summary>The console's session: a cookie signed in with a user's key (<c>productflow user add</c>) or the operators' <c>ProductFlow:AdminKey</c>,
/// holding the user's name, role, pipelines and which key signed it in (checked again on every request).</summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "Console";

    public const string CookieName = "productflow-session";

    /// <summary>The claim naming the key a session was signed in with: a stored key's id, or <c>config:</c> and a fingerprint of the admin key.</summary>
    public const string KeyClaim = "productflow:key";

    private const string ConfigPrefix = "config:";

    /// <summary>The session of a user signed in with the stored key <paramref name="keyId"/>.</summary>
    public static ClaimsPrincipal For(Principal user, string keyId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name), new(ApiKeyClaims.Kind, nameof(PrincipalKind.User)), new(ApiKeyClaims.Role, user.Role ?? UserRoles.Steward), new(KeyClaim, keyId),
        };
        claims.AddRange(user.Grants.Select(g => new Claim(ApiKeyClaims.Grant, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ApiKeyClaims.Role));
    }

    /// <summary>The session of the operator, signed in with the admin key: an admin, as long as that key stays configured.</summary>
    public static ClaimsPrincipal ForOperator(string adminKey) => new(new ClaimsIdentity(
        [
            new(ClaimTypes.Name, AdminPolicy.PrincipalName), new(ApiKeyClaims.Kind, AdminPolicy.Kind), new(ApiKeyClaims.Role, UserRoles.Admin),
            new(KeyClaim, ConfigPrefix + Fingerprint(adminKey)),
        ],
        Scheme, ClaimTypes.Name, ApiKeyClaims.Role));

    /// <summary>Whether a session's key claim is the admin key's, and that key is still <paramref name="adminKey"/> (a changed key ends the sessions it opened).</summary>
    public static bool IsConfigKey(string keyClaim, out bool stillValid, string? adminKey)
    {
        ArgumentNullException.ThrowIfNull(keyClaim);
        var isConfig = keyClaim.StartsWith(ConfigPrefix, StringComparison.Ordinal);
        stillValid = isConfig && !string.IsNullOrEmpty(adminKey) && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(keyClaim[ConfigPrefix.Length..]), Encoding.ASCII.GetBytes(Fingerprint(adminKey)));
        return isConfig;
    }

    /// <summary>A one-way fingerprint of the admin key: the session (encrypted anyway) never holds the key itself.</summary>
    private static string Fingerprint(string adminKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("productflow console session\n" + adminKey)))[..32];
}
