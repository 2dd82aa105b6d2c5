using System.Text;

namespace ProductFlow.JsonSchema.Loading;

/// <summary>RFC 3986 reference resolution on strings.</summary>
/// <remarks>System.Uri is not used for identifiers because it rewrites them (case, escapes,
/// file paths) and cannot resolve against URNs; schema identifiers are compared as strings.</remarks>
internal static class UriReference
{
    /// <summary>Resolves <paramref name="reference"/> against the absolute <paramref name="baseUri"/> (RFC 3986 §5.2.2).</summary>
    public static string Resolve(string baseUri, string reference)
    {
        var r = Parse(reference);
        if (r.Scheme is not null)
        {
            return Compose(r.Scheme, r.Authority, RemoveDotSegments(r.Path), r.Query, r.Fragment);
        }

        var b = Parse(baseUri);
        string? authority;
        string path;
        string? query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            authority = b.Authority;
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                path = r.Path.StartsWith('/') ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                query = r.Query;
            }
        }

        return Compose(b.Scheme, authority, path, query, r.Fragment);
    }

    /// <summary>Splits off the fragment: <c>("http://x/y", "frag")</c>; the fragment is <c>null</c> when absent.</summary>
    public static (string Uri, string? Fragment) SplitFragment(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (uri, null) : (uri[..hash], uri[(hash + 1)..]);
    }

    private static string Merge(Parts b, string path)
    {
        if (b.Authority is not null && b.Path.Length == 0)
        {
            return "/" + path;
        }

        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? path : b.Path[..(slash + 1)] + path;
    }

    private static string RemoveDotSegments(string path)
    {
        if (!path.Contains('.', StringComparison.Ordinal))
        {
            return path;
        }

        var input = path;
        var output = new StringBuilder();
        while (input.Length > 0)
        {
            if (input.StartsWith("../", StringComparison.Ordinal))
            {
                input = input[3..];
            }
            else if (input.StartsWith("./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input.StartsWith("/./", StringComparison.Ordinal))
            {
                input = input[2..];
            }
            else if (input == "/.")
            {
                input = "/";
            }
            else if (input.StartsWith("/../", StringComparison.Ordinal) || input == "/..")
            {
                input = input.Length == 3 ? "/" : input[3..];
                RemoveLastSegment(output);
            }
            else if (input is "." or "..")
            {
                input = string.Empty;
            }
            else
            {
                var start = input.StartsWith('/') ? 1 : 0;
                var next = input.IndexOf('/', start);
                var segment = next < 0 ? input : input[..next];
                output.Append(segment);
                input = next < 0 ? string.Empty : input[next..];
            }
        }

        return output.ToString();
    }

    private static void RemoveLastSegment(StringBuilder output)
    {
        var text = output.ToString();
        var slash = text.LastIndexOf('/');
        output.Length = slash < 0 ? 0 : slash;
    }

    private static string Compose(string? scheme, string? authority, string path, string? query, string? fragment)
    {
        var sb = new StringBuilder();
        if (scheme is not null)
        {
            sb.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }

        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            sb.Append('#').Append(fragment);
        }

        return sb.ToString();
    }

    private static Parts Parse(string uri)
    {
        string? fragment = null;
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = uri[(hash + 1)..];
            uri = uri[..hash];
        }

        string? query = null;
        var question = uri.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = uri[(question + 1)..];
            uri = uri[..question];
        }

        string? scheme = null;
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && IsScheme(uri.AsSpan(0, colon)))
        {
            scheme = uri[..colon];
            uri = uri[(colon + 1)..];
        }

        string? authority = null;
        if (uri.StartsWith("//", StringComparison.Ordinal))
        {
            var end = uri.IndexOf('/', 2);
            authority = end < 0 ? uri[2..] : uri[2..end];
            uri = end < 0 ? string.Empty : uri[end..];
        }

        return new Parts(scheme, authority, uri, query, fragment);
    }

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment);
}
