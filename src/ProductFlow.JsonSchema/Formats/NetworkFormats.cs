using System.Net;
using System.Net.Sockets;
using ProductFlow.JsonSchema.Formats.Idna;

namespace ProductFlow.JsonSchema.Formats;

/// <summary><c>ipv4</c>, <c>ipv6</c> and <c>hostname</c> (RFC 1123 letters-digits-hyphen labels).</summary>
/// <remarks>Hostnames are checked as ASCII; an <c>xn--</c> label is also decoded and checked as an IDNA 2008
/// A-label (<see cref="ALabel"/>), which no other label pays for.</remarks>
internal static class NetworkFormats
{
    private static readonly System.Buffers.SearchValues<char> Ipv6Chars = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF:.");

    /// <summary>Dotted quad, each part 0-255 without leading zeros.</summary>
    public static bool IsIpv4(ReadOnlySpan<char> s)
    {
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var value = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                value = (value * 10) + (s[i] - '0');
                i++;
                if (i - start > 3)
                {
                    return false;
                }
            }

            var length = i - start;
            if (length == 0 || value > 255 || (length > 1 && s[start] == '0'))
            {
                return false;
            }

            parts++;
            if (i == s.Length)
            {
                return parts == 4;
            }

            if (s[i] != '.' || parts == 4)
            {
                return false;
            }

            i++;
        }
    }

    public static bool IsIpv6(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s.ContainsAnyExcept(Ipv6Chars))
        {
            return false;
        }

        // An embedded IPv4 tail must itself be a strict dotted quad.
        var lastColon = s.LastIndexOf(':');
        if (s[(lastColon + 1)..].Contains('.') && !IsIpv4(s[(lastColon + 1)..]))
        {
            return false;
        }

        return IPAddress.TryParse(s, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    public static bool IsHostname(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || s.Length > 253)
        {
            return false;
        }

        foreach (var range in s.Split('.'))
        {
            var label = s[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            // "--" in the 3rd and 4th positions is reserved for A-labels (RFC 5891 section 4.2.3.1).
            if (label.Length >= 4 && label[2] == '-' && label[3] == '-'
                && (!label.StartsWith("xn", StringComparison.OrdinalIgnoreCase) || !ALabel.IsValid(label)))
            {
                return false;
            }
        }

        return true;
    }
}
