namespace ProductFlow.JsonSchema.Regexes;

/// <summary>Maps ECMA-262 <c>\p{...}</c> names to .NET: a category name .NET knows, or class ranges.</summary>
internal static class UnicodeProperties
{
    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Combining_Mark"] = "M",
        ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N",
        ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z",
        ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp", ["Other"] = "C",
        ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs", ["Private_Use"] = "Co",
        ["Unassigned"] = "Cn",
    };

    private static readonly HashSet<string> ShortNames =
    [
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe",
        "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    ];

    /// <summary>Either <c>Simple</c> (a .NET category for <c>\p{..}</c>) or <c>Ranges</c> (a class body).</summary>
    public static (string? Simple, string? Ranges) ClassBody(string name)
    {
        var value = name;
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            var property = name[..equals];
            if (property is not ("General_Category" or "gc"))
            {
                throw new FormatException($"\\p{{{name}}}: Unicode script properties are not supported");
            }

            value = name[(equals + 1)..];
        }

        if (ShortNames.Contains(value))
        {
            return (value, null);
        }

        if (Categories.TryGetValue(value, out var shortName))
        {
            return (shortName, null);
        }

        return value switch
        {
            "LC" or "Cased_Letter" => (null, "\\p{Lu}\\p{Ll}\\p{Lt}"),
            "ASCII" when equals < 0 => (null, "\\u0000-\\u007F"),
            "Any" when equals < 0 => (null, "\\u0000-\\uFFFF"),
            "Assigned" when equals < 0 => (null, "\\P{Cn}"),
            _ => throw new FormatException($"\\p{{{name}}} is not a supported Unicode property"),
        };
    }
}
