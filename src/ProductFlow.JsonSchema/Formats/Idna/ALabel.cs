using System.Globalization;
using System.Text;

namespace ProductFlow.JsonSchema.Formats.Idna;

/// <summary>An A-label (<c>xn--</c> and Punycode) checked against IDNA 2008: it must decode to a U-label that
/// RFC 5891 section 5.4 would accept for lookup, with the contextual rules of RFC 5892 Appendix A applied.</summary>
/// <remarks>The label is lowercased first, as RFC 5891 section 5.3 asks. Punycode is injective (each integer has
/// one representation), so decoding alone decides it, without encoding the U-label back. The Bidi rule of
/// RFC 5893 is not applied (it needs the Bidi_Class of every code point).</remarks>
internal static class ALabel
{
    /// <summary>Whether <paramref name="label"/>, an ASCII label of at most 63 characters starting with
    /// <c>xn--</c> in any case, is a valid A-label.</summary>
    public static bool IsValid(ReadOnlySpan<char> label)
    {
        Span<char> encoded = stackalloc char[label.Length - 4];
        _ = Ascii.ToLower(label[4..], encoded, out _);
        Span<int> decoded = stackalloc int[encoded.Length];
        return Punycode.TryDecode(encoded, decoded, out var length) && IsValidULabel(decoded[..length]);
    }

    private static bool IsValidULabel(ReadOnlySpan<int> label)
    {
        // A U-label holds at least one non-ASCII code point (RFC 5890 section 2.3.2.1).
        if (!label.ContainsAnyExceptInRange(0, 0x7F))
        {
            return false;
        }

        // RFC 5891 section 4.2.3.1: no hyphen first or last, none in both the 3rd and 4th positions.
        if (label[0] == '-' || label[^1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        // Section 4.2.3.2: no combining mark first.
        if (CharUnicodeInfo.GetUnicodeCategory(label[0])
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        // A U-label is in NFC (RFC 5890 section 2.3.2.1).
        Span<char> utf16 = stackalloc char[label.Length * 2];
        var length = 0;
        foreach (var codePoint in label)
        {
            length += new Rune(codePoint).EncodeToUtf16(utf16[length..]);
        }

        ReadOnlySpan<char> text = utf16[..length];
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            return false;
        }

        // Sections 4.2.2 and 4.2.3.3: every code point PVALID, or CONTEXTJ/CONTEXTO with its rule met.
        for (var i = 0; i < label.Length; i++)
        {
            var allowed = IdnaCodePoints.Of(label[i]) switch
            {
                IdnaProperty.Pvalid => true,
                IdnaProperty.ContextJ or IdnaProperty.ContextO => IdnaContextRules.Allows(label, i),
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
