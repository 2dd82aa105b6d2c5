using System.Globalization;
using System.Text;

namespace ProductFlow.JsonSchema.Regexes;

/// <summary>Rewrites an ECMA-262 regular expression (with the <c>u</c> flag's meaning) into an
/// equivalent .NET pattern, rejecting what ECMA-262 rejects.</summary>
/// <remarks>
/// Translated: <c>\d \w \s \D \W \S</c> become their ASCII/ECMA classes (not .NET's Unicode ones);
/// <c>\b</c>/<c>\B</c> use ASCII word characters; <c>.</c> excludes <c>\n \r \u2028 \u2029</c>;
/// <c>$</c> matches only at the very end (not before a final newline); an astral character (a surrogate
/// pair) is grouped so a quantifier applies to the whole character; <c>\p{Letter}</c>-style long
/// General_Category names map to .NET's short ones; <c>\u{...}</c> becomes UTF-16;
/// <c>[^]</c> and <c>[]</c> keep their meaning; a literal <c>[</c> inside a class is escaped so .NET
/// never sees class subtraction.
/// Rejected (ECMA-262 u-mode errors, or .NET-only syntax): a lone <c>{</c> or <c>}</c>, unknown escapes such as <c>\a \e \A \Z \z \G</c>,
/// inline options <c>(?i)</c>, atomic groups <c>(?&gt;</c>, conditionals.
/// Remaining differences: <c>\p{Script=...}</c> and binary properties other than ASCII/Any/Assigned are
/// not supported (load error); .NET matches UTF-16 code units, so a character class or <c>.</c> never
/// matches an astral character (outside the BMP) as one unit, and <c>\u{...}</c> above U+FFFF inside a
/// class is rejected; <c>\p</c> categories follow .NET's Unicode tables; backreferences before their
/// group follow .NET rules; quantifier bounds above int.MaxValue are rejected.
/// </remarks>
internal static class EcmaRegexTranslator
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private const string Whitespace = "\\t\\n\\v\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    private const string NotWhitespace = "\\u0000-\\u0008\\u000E-\\u001F!-\\u009F\\u00A1-\\u167F\\u1681-\\u1FFF\\u200B-\\u2027\\u202A-\\u202E\\u2030-\\u205E\\u2060-\\u2FFF\\u3001-\\uFEFE\\uFF00-\\uFFFF";
    private const string Word = "a-zA-Z0-9_";
    private const string NotWord = "\\u0000-/:-@\\[-\\^`{-\\uFFFF";
    private const string Digit = "0-9";
    private const string NotDigit = "\\u0000-/:-\\uFFFF";
    private const string WordBoundary = "(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))";
    private const string NotWordBoundary = "(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))";

    /// <summary>The .NET pattern; throws <see cref="FormatException"/> for a pattern ECMA-262 rejects or .NET cannot express.</summary>
    public static string Translate(string pattern)
    {
        var output = new StringBuilder(pattern.Length + 16);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    i = Escape(pattern, i + 1, output, inClass: false);
                    break;
                case '[':
                    i = CharacterClass(pattern, i + 1, output);
                    break;
                case '.':
                    output.Append("[^\\n\\r\\u2028\\u2029]");
                    i++;
                    break;
                case '$':
                    output.Append("\\z");
                    i++;
                    break;
                case '(':
                    i = Group(pattern, i, output);
                    break;
                case '{':
                    i = Quantifier(pattern, i, output);
                    break;
                case '}':
                    throw new FormatException($"lone '}}' at position {i}");
                case var high when char.IsHighSurrogate(high) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]):
                    // One code point in ECMA u-mode: group the pair so a quantifier applies to both halves.
                    output.Append("(?:").Append(high).Append(pattern[i + 1]).Append(')');
                    i += 2;
                    break;
                default:
                    output.Append(c);
                    i++;
                    break;
            }
        }

        return output.ToString();
    }

    private static int Group(string pattern, int i, StringBuilder output)
    {
        if (i + 1 < pattern.Length && pattern[i + 1] == '?')
        {
            var rest = pattern.AsSpan(i + 2);
            var allowed = rest.StartsWith(":") || rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!")
                || (rest.StartsWith("<") && rest.Length > 1 && (char.IsLetter(rest[1]) || rest[1] is '_' or '$'));
            if (!allowed)
            {
                throw new FormatException($"unsupported group syntax at position {i}");
            }
        }

        output.Append('(');
        return i + 1;
    }

    /// <summary><c>{n}</c>, <c>{n,}</c>, <c>{n,m}</c>; in u-mode any other brace is an error (.NET would take it literally).</summary>
    private static int Quantifier(string pattern, int i, StringBuilder output)
    {
        var j = i + 1;
        var digits = 0;
        while (j < pattern.Length && char.IsAsciiDigit(pattern[j]))
        {
            j++;
            digits++;
        }

        if (digits > 0 && j < pattern.Length && pattern[j] == ',')
        {
            j++;
            while (j < pattern.Length && char.IsAsciiDigit(pattern[j]))
            {
                j++;
            }
        }

        if (digits == 0 || j >= pattern.Length || pattern[j] != '}')
        {
            throw new FormatException($"'{{' at position {i} does not start a valid quantifier");
        }

        output.Append(pattern, i, j - i + 1);
        return j + 1;
    }

    private static int CharacterClass(string pattern, int i, StringBuilder output)
    {
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            output.Append(negated ? "[\\s\\S]" : "(?!)");
            return i + 1;
        }

        output.Append(negated ? "[^" : "[");
        while (i < pattern.Length && pattern[i] != ']')
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i = Escape(pattern, i + 1, output, inClass: true);
            }
            else
            {
                output.Append(c == '[' ? "\\[" : c.ToString());
                i++;
            }
        }

        if (i >= pattern.Length)
        {
            throw new FormatException("unterminated character class");
        }

        output.Append(']');
        return i + 1;
    }

    private static int Escape(string pattern, int i, StringBuilder output, bool inClass)
    {
        if (i >= pattern.Length)
        {
            throw new FormatException("pattern ends with a lone backslash");
        }

        var c = pattern[i];
        switch (c)
        {
            case 'd':
                output.Append(inClass ? Digit : "[" + Digit + "]");
                return i + 1;
            case 'D':
                output.Append(inClass ? NotDigit : "[^" + Digit + "]");
                return i + 1;
            case 'w':
                output.Append(inClass ? Word : "[" + Word + "]");
                return i + 1;
            case 'W':
                output.Append(inClass ? NotWord : "[^" + Word + "]");
                return i + 1;
            case 's':
                output.Append(inClass ? Whitespace : "[" + Whitespace + "]");
                return i + 1;
            case 'S':
                output.Append(inClass ? NotWhitespace : "[^" + Whitespace + "]");
                return i + 1;
            case 'b':
                output.Append(inClass ? "\\b" : WordBoundary);
                return i + 1;
            case 'B' when !inClass:
                output.Append(NotWordBoundary);
                return i + 1;
            case 'p' or 'P':
                return UnicodeProperty(pattern, i, output, inClass);
            case 'u':
                return UnicodeEscape(pattern, i, output, inClass);
            case 'x':
                RequireHex(pattern, i + 1, 2);
                output.Append('\\').Append(pattern, i, 3);
                return i + 3;
            case 'c':
                if (i + 1 >= pattern.Length || !char.IsAsciiLetter(pattern[i + 1]))
                {
                    throw new FormatException("\\c must be followed by a letter");
                }

                output.Append("\\c").Append(pattern[i + 1]);
                return i + 2;
            case '0':
                if (i + 1 < pattern.Length && char.IsAsciiDigit(pattern[i + 1]))
                {
                    throw new FormatException("octal escapes are not allowed");
                }

                output.Append("\\x00");
                return i + 1;
            case >= '1' and <= '9' when !inClass:
                var end = i;
                while (end < pattern.Length && char.IsAsciiDigit(pattern[end]))
                {
                    end++;
                }

                output.Append('\\').Append(pattern, i, end - i);
                return end;
            case 'k' when !inClass:
                output.Append("\\k");
                return i + 1;
            case 'f' or 'n' or 'r' or 't' or 'v':
                output.Append('\\').Append(c);
                return i + 1;
            case '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|':
                output.Append('\\').Append(c);
                return i + 1;
            case '/':
                output.Append('/');
                return i + 1;
            case '-' when inClass:
                output.Append("\\-");
                return i + 1;
            default:
                throw new FormatException($"'\\{c}' is not a valid escape in ECMA-262 (unicode mode)");
        }
    }

    private static int UnicodeEscape(string pattern, int i, StringBuilder output, bool inClass)
    {
        if (i + 1 < pattern.Length && pattern[i + 1] == '{')
        {
            var close = pattern.IndexOf('}', i + 2);
            if (close < 0 || !int.TryParse(pattern.AsSpan(i + 2, close - i - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF)
            {
                throw new FormatException("invalid \\u{...} escape");
            }

            if (code > 0xFFFF && inClass)
            {
                throw new FormatException("astral characters inside a character class are not supported");
            }

            output.Append(code > 0xFFFF ? "(?:" : string.Empty);
            foreach (var unit in char.ConvertFromUtf32(code))
            {
                output.Append("\\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
            }

            output.Append(code > 0xFFFF ? ")" : string.Empty);
            return close + 1;
        }

        RequireHex(pattern, i + 1, 4);
        output.Append('\\').Append(pattern, i, 5);
        return i + 5;
    }

    private static void RequireHex(string pattern, int start, int count)
    {
        if (start + count > pattern.Length || pattern.AsSpan(start, count).ContainsAnyExcept(HexDigits))
        {
            throw new FormatException("invalid hexadecimal escape");
        }
    }

    private static int UnicodeProperty(string pattern, int i, StringBuilder output, bool inClass)
    {
        var negated = pattern[i] == 'P';
        if (i + 1 >= pattern.Length || pattern[i + 1] != '{')
        {
            throw new FormatException("\\p must be followed by {name}");
        }

        var close = pattern.IndexOf('}', i + 2);
        if (close < 0)
        {
            throw new FormatException("unterminated \\p{...}");
        }

        var body = UnicodeProperties.ClassBody(pattern[(i + 2)..close]);
        if (body.Simple is not null)
        {
            output.Append(negated ? "\\P{" : "\\p{").Append(body.Simple).Append('}');
        }
        else if (!negated)
        {
            output.Append(inClass ? body.Ranges : "[" + body.Ranges + "]");
        }
        else if (!inClass)
        {
            output.Append("[^").Append(body.Ranges).Append(']');
        }
        else
        {
            throw new FormatException("this negated \\P{...} is not supported inside a character class");
        }

        return close + 1;
    }
}
