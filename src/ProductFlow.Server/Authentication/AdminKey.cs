using System.Security.Cryptography;
using System.Text;

namespace ProductFlow.Server.Authentication;

/// <summary>Checks a presented key against <c>ProductFlow:AdminKey</c> in constant time (both hashed first, so their lengths say nothing).</summary>
public static class AdminKey
{
    public static bool Matches(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
