using System.Buffers;
using System.Text;
using System.Xml;

namespace ProductFlow.Channels.Google;

/// <summary>
/// Text as an XML element's content, in UTF-8: byte for byte what <see cref="XmlWriter"/> writes for it (UTF-8, new lines as
/// <c>\n</c>), after a character XML cannot hold (a control character, a lone surrogate) is replaced by a space.
/// </summary>
/// <remarks>
/// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities; <c>\r\n</c> and a lone <c>\r</c> become <c>\n</c>; everything else is
/// written as it is. Text that needs none of this (most of a feed) is transcoded in one call.
/// </remarks>
internal static class XmlText
{
    // Characters that are not written as they are: the three escaped, the two line ends, and what XML cannot hold below a space.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\r\n\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>Appends <paramref name="text"/> to <paramref name="output"/> as element content.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var plain = PlainLength(text);
            if (plain > 0)
            {
                Encoding.UTF8.GetBytes(text[..plain], output);
                text = text[plain..];
                continue;
            }

            var c = text[0];
            var taken = 1;
            switch (c)
            {
                case '&':
                    output.Write("&amp;"u8);
                    break;
                case '<':
                    output.Write("&lt;"u8);
                    break;
                case '>':
                    output.Write("&gt;"u8);
                    break;
                case '\r':
                    output.Write("\n"u8);
                    taken = text.Length > 1 && text[1] == '\n' ? 2 : 1;
                    break;
                case '\n':
                    output.Write("\n"u8);
                    break;
                default:
                    output.Write(" "u8); // a character XML cannot hold: a control character, U+FFFE/U+FFFF or a lone surrogate
                    break;
            }

            text = text[taken..];
        }
    }

    /// <summary>How many characters from the start of <paramref name="text"/> are written as they are (no special character, no lone surrogate).</summary>
    private static int PlainLength(ReadOnlySpan<char> text)
    {
        var special = text.IndexOfAny(Special);
        var end = special < 0 ? text.Length : special;
        var surrogate = text[..end].IndexOfAnyInRange('\uD800', '\uDFFF');
        while (surrogate >= 0)
        {
            if (!char.IsHighSurrogate(text[surrogate]) || surrogate + 1 >= text.Length || !char.IsLowSurrogate(text[surrogate + 1]))
            {
                return surrogate; // a lone surrogate: it becomes a space
            }

            // A pair ends before the first special character: no special character is a surrogate.
            var next = text[(surrogate + 2)..end].IndexOfAnyInRange('\uD800', '\uDFFF');
            surrogate = next < 0 ? -1 : surrogate + 2 + next;
        }

        return end;
    }
}
