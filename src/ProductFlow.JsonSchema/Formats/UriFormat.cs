namespace ProductFlow.JsonSchema.Formats;

/// <summary>RFC 3986 syntax for <c>uri</c> (absolute, scheme required) and <c>uri-reference</c>,
/// checked character by character without allocating.</summary>
/// <remarks>Only syntax is checked: any scheme, a reg-name host is not resolved, non-ASCII is rejected (that is <c>iri</c>).</remarks>
internal static class UriFormat
{
    private const string SubDelims = "!$&'()*+,;=";
    private const string Unreserved = "-._~";

    public static bool IsUri(ReadOnlySpan<char> s) => Check(s, requireScheme: true);

    public static bool IsUriReference(ReadOnlySpan<char> s) => Check(s, requireScheme: false);

    private static bool Check(ReadOnlySpan<char> s, bool requireScheme)
    {
        var hash = s.IndexOf('#');
        if (hash >= 0)
        {
            if (!AllChars(s[(hash + 1)..], ":@/?"))
            {
                return false;
            }

            s = s[..hash];
        }

        var question = s.IndexOf('?');
        if (question >= 0)
        {
            if (!AllChars(s[(question + 1)..], ":@/?"))
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
            return IsAuthority(authority) && AllChars(path, ":@/");
        }

        return AllChars(s, ":@/");
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
            if (!AllChars(authority[..at], ":"))
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
            var valid = literal.StartsWith("v") || literal.StartsWith("V") ? AllChars(literal[1..], ":") : NetworkFormats.IsIpv6(literal);
            return valid && IsPort(authority[(close + 1)..]);
        }

        var portColon = authority.LastIndexOf(':');
        var host = portColon < 0 ? authority : authority[..portColon];
        return AllChars(host, string.Empty) && (portColon < 0 || IsPort(authority[portColon..]));
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

    /// <summary>Unreserved, sub-delims, percent-encoded triplets and the <paramref name="extra"/> characters.</summary>
    private static bool AllChars(ReadOnlySpan<char> s, string extra)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !Unreserved.Contains(c, StringComparison.Ordinal)
                && !SubDelims.Contains(c, StringComparison.Ordinal) && !extra.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
