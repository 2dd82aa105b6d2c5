using System.Buffers;

namespace ProductFlow.JsonSchema.Formats;

/// <summary>RFC 3986 syntax for <c>uri</c> (absolute, scheme required) and <c>uri-reference</c>,
/// checked character by character without allocating.</summary>
/// <remarks>Only syntax is checked: any scheme, a reg-name host is not resolved, non-ASCII is rejected (that is <c>iri</c>).</remarks>
internal static class UriFormat
{
    // Per ASCII character: bit 1 = unreserved or sub-delim, 2 = ':', 4 = '@', 8 = '/', 16 = '?'.
    private static readonly byte[] Classes = BuildClasses();

    // The allowed-character sets for each combination of the extra classes.
    private static readonly SearchValues<char>[] Allowed = BuildAllowed();

    public static bool IsUri(ReadOnlySpan<char> s) => Check(s, requireScheme: true);

    public static bool IsUriReference(ReadOnlySpan<char> s) => Check(s, requireScheme: false);

    private static bool Check(ReadOnlySpan<char> s, bool requireScheme)
    {
        var hash = s.IndexOf('#');
        if (hash >= 0)
        {
            if (!AllChars(s[(hash + 1)..], 2 | 4 | 8 | 16))
            {
                return false;
            }

            s = s[..hash];
        }

        var question = s.IndexOf('?');
        if (question >= 0)
        {
            if (!AllChars(s[(question + 1)..], 2 | 4 | 8 | 16))
            {
                return false;
            }

            s = s[..question];
        }

        var colon = s.IndexOf(':');
        var slash = s.IndexOf('/');
        var hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        if (hasScheme)
        {
            if (!IsScheme(s[..colon]))
            {
                return false;
            }

            s = s[(colon + 1)..];
        }
        else if (requireScheme)
        {
            return false;
        }

        if (s.StartsWith("//"))
        {
            var rest = s[2..];
            var pathStart = rest.IndexOf('/');
            var authority = pathStart < 0 ? rest : rest[..pathStart];
            var path = pathStart < 0 ? [] : rest[pathStart..];
            return IsAuthority(authority) && AllChars(path, 2 | 4 | 8);
        }

        return AllChars(s, 2 | 4 | 8);
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.Length == 0 || !char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (!AllChars(authority[..at], 2))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        if (authority.StartsWith("["))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            var literal = authority[1..close];
            var valid = literal.StartsWith("v") || literal.StartsWith("V") ? AllChars(literal[1..], 2) : NetworkFormats.IsIpv6(literal);
            return valid && IsPort(authority[(close + 1)..]);
        }

        var portColon = authority.LastIndexOf(':');
        var host = portColon < 0 ? authority : authority[..portColon];
        return AllChars(host, 0) && (portColon < 0 || IsPort(authority[portColon..]));
    }

    private static bool IsPort(ReadOnlySpan<char> port)
    {
        if (port.Length == 0)
        {
            return true;
        }

        if (port[0] != ':')
        {
            return false;
        }

        foreach (var c in port[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Unreserved, sub-delims, percent-encoded triplets and the characters in the <paramref name="extra"/> classes.</summary>
    /// <remarks>Vectorised: runs of allowed characters are skipped with <see cref="SearchValues{T}"/>; only '%' is inspected.</remarks>
    private static bool AllChars(ReadOnlySpan<char> s, int extra)
    {
        var allowed = Allowed[extra];
        while (true)
        {
            var stop = s.IndexOfAnyExcept(allowed);
            if (stop < 0)
            {
                return true;
            }

            if (s[stop] != '%' || stop + 2 >= s.Length || !char.IsAsciiHexDigit(s[stop + 1]) || !char.IsAsciiHexDigit(s[stop + 2]))
            {
                return false;
            }

            s = s[(stop + 3)..];
        }
    }

    private static SearchValues<char>[] BuildAllowed()
    {
        var sets = new SearchValues<char>[32];
        for (var extra = 0; extra < 32; extra++)
        {
            var chars = new List<char>();
            for (var c = (char)0; c < 128; c++)
            {
                if ((Classes[c] & (1 | extra)) != 0)
                {
                    chars.Add(c);
                }
            }

            sets[extra] = SearchValues.Create([.. chars]);
        }

        return sets;
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            if (char.IsAsciiLetterOrDigit((char)c) || "-._~!$&'()*+,;=".Contains((char)c, StringComparison.Ordinal))
            {
                classes[c] = 1;
            }
        }

        classes[':'] = 2;
        classes['@'] = 4;
        classes['/'] = 8;
        classes['?'] = 16;
        return classes;
    }
}
