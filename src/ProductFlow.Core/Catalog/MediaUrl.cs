
namespace ProductFlow.Catalog;

/// <summary>Media values (attribute type <c>media</c>) as channels link them: an absolute URL stays, a path is resolved against the channel's <c>mediaBaseUrl</c>.</summary>
/// <remarks>
/// Akeneo stores images and files as paths into its media store (<c>files/JKT-1/picture/bag.jpg</c>, <c>8/a/0/f/8a0f_photo.jpg</c>).
/// A path's segments are percent-encoded as a URL path needs (a space becomes <c>%20</c>); the slashes between them stay.
/// </remarks>
public static class MediaUrl
{
    /// <summary>Whether <paramref name="data"/> is an absolute http(s) URL (published as it is).</summary>
    public static bool IsAbsolute(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Uri.TryCreate(data.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary>The URL of <paramref name="data"/>: itself when absolute or when there is no <paramref name="baseUrl"/>, else the path under the base.</summary>
    public static string Resolve(string data, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (baseUrl is null || data.Length == 0 || IsAbsolute(data))
        {
            return data;
        }

        var segments = data.Trim().TrimStart('/').Split('/').Select(Uri.EscapeDataString);
        return baseUrl.TrimEnd('/') + "/" + string.Join('/', segments);
    }
}
