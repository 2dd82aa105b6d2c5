using ProductFlow.JsonSchema.Regexes;

namespace ProductFlow.JsonSchema.Formats;

/// <summary>The formats <see cref="SchemaOptions.AssertFormat"/> asserts, by name.</summary>
internal static class FormatCheckers
{
    /// <summary>The checker for a format name, or <c>null</c> for a format that stays an annotation.</summary>
    public static FormatCheck? Find(string format) => format switch
    {
        "date" => DateTimeFormats.IsDate,
        "date-time" => DateTimeFormats.IsDateTime,
        "time" => DateTimeFormats.IsTime,
        "duration" => DateTimeFormats.IsDuration,
        "email" => EmailFormat.IsEmail,
        "hostname" => NetworkFormats.IsHostname,
        "ipv4" => NetworkFormats.IsIpv4,
        "ipv6" => NetworkFormats.IsIpv6,
        "uri" => UriFormat.IsUri,
        "uri-reference" => UriFormat.IsUriReference,
        "uuid" => IsUuid,
        "json-pointer" => IsJsonPointer,
        "regex" => IsRegex,
        _ => null,
    };

    /// <summary>8-4-4-4-12 hexadecimal digits (any version, either case).</summary>
    public static bool IsUuid(ReadOnlySpan<char> s)
    {
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? s[i] != '-' : !char.IsAsciiHexDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 6901: empty, or <c>/</c>-prefixed tokens where <c>~</c> is followed by 0 or 1.</summary>
    public static bool IsJsonPointer(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '~' && (i + 1 >= s.Length || s[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsRegex(ReadOnlySpan<char> s) => EcmaRegex.IsValid(s.ToString());
}

/// <summary>Checks one string against a format.</summary>
internal delegate bool FormatCheck(ReadOnlySpan<char> value);
