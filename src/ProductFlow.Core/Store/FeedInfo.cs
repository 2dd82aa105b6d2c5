using System.Security.Cryptography;

namespace ProductFlow.Store;

/// <summary>The identity of a feed file: name, size and SHA-256.</summary>
public sealed record FeedInfo(string Name, long Size, string Sha256)
{
    /// <summary>Describes a file; a file that cannot be read is described by its name alone.</summary>
    public static FeedInfo Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            return new FeedInfo(Path.GetFileName(path), stream.Length, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FeedInfo(Path.GetFileName(path), 0, "");
        }
    }
}
