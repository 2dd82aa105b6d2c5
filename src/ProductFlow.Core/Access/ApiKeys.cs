using System.Security.Cryptography;
using System.Text;

namespace ProductFlow.Access;

/// <summary>Makes keys and checks presented ones: <c>pf_&lt;id&gt;_&lt;secret&gt;</c>, of which the store keeps the id and the secret's SHA-256.</summary>
/// <remarks>
/// The secret is 32 bytes from the operating system's cryptographic generator (43 characters, base64url), so a fast hash is
/// enough: nothing short of 2^256 guesses finds it, and a slow password hash would only slow every request. The id finds the
/// stored key without comparing secrets; the hashes are then compared in constant time.
/// </remarks>
public static class ApiKeys
{
    private const string Prefix = "pf_";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;

    /// <summary>A new key for the principal: the key to show once, and what the store keeps of it.</summary>
    public static (string Key, StoredKey Stored) Create(PrincipalKind kind, string principal, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(principal);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{id}_{secret}", new StoredKey(id, kind, principal, Hash(secret), now));
    }

    /// <summary>The public id of a presented key, or null when it is not shaped like one of ours.</summary>
    public static string? IdOf(string? presented) => TrySplit(presented, out var id, out _) ? id : null;

    /// <summary>True when <paramref name="presented"/> is the key <paramref name="stored"/> was made from and it has not expired.</summary>
    public static bool Matches(string? presented, StoredKey stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!TrySplit(presented, out var id, out var secret) || !string.Equals(id, stored.Id, StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(secret), stored.Hash) && stored.IsValidAt(now);
    }

    private static bool TrySplit(string? presented, out string id, out string secret)
    {
        id = secret = "";
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return false;
        }

        var underscore = presented.IndexOf('_', Prefix.Length);
        if (underscore != Prefix.Length + (IdBytes * 2) || underscore == presented.Length - 1)
        {
            return false;
        }

        id = presented[Prefix.Length..underscore];
        secret = presented[(underscore + 1)..];
        return true;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
