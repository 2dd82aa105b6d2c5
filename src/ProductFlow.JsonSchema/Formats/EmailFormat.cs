namespace ProductFlow.JsonSchema.Formats;

/// <summary>RFC 5321 mailbox: dot-atom or quoted local part, then a hostname or an address literal.</summary>
internal static class EmailFormat
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    public static bool IsEmail(ReadOnlySpan<char> s)
    {
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1)
        {
            return false;
        }

        return IsLocalPart(s[..at]) && IsDomain(s[(at + 1)..]);
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local[0] == '"')
        {
            if (local.Length < 2 || local[^1] != '"')
            {
                return false;
            }

            var inner = local[1..^1];
            for (var i = 0; i < inner.Length; i++)
            {
                var c = inner[i];
                if (c == '\\')
                {
                    if (++i >= inner.Length || inner[i] < 32 || inner[i] > 126)
                    {
                        return false;
                    }
                }
                else if (c < 32 || c > 126 || c == '"')
                {
                    return false;
                }
            }

            return true;
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && !AtomSpecials.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        if (domain[0] == '[')
        {
            if (domain[^1] != ']')
            {
                return false;
            }

            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal)
                ? NetworkFormats.IsIpv6(literal[5..])
                : NetworkFormats.IsIpv4(literal);
        }

        return NetworkFormats.IsHostname(domain);
    }
}
