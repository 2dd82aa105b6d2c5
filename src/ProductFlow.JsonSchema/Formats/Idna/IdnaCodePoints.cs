using System.Globalization;
using System.Text;

namespace ProductFlow.JsonSchema.Formats.Idna;

/// <summary>A code point's IDNA 2008 derived property.</summary>
internal enum IdnaProperty
{
    Pvalid,
    ContextJ,
    ContextO,
    Disallowed,
    Unassigned,
}

/// <summary>The derived property of RFC 5892 section 3, computed from its categories (section 2) over
/// .NET's character tables (Unicode 16.0 in .NET 10) and normalization.</summary>
internal static class IdnaCodePoints
{
    /// <summary>Default_Ignorable_Code_Point (Unicode 16.0 DerivedCoreProperties.txt), for
    /// IgnorableProperties (RFC 5892 section 2.3); White_Space and Noncharacter_Code_Point need no table:
    /// their general categories are never letters or digits.</summary>
    private static ReadOnlySpan<int> DefaultIgnorable =>
    [
        0x00AD, 0x00AD, 0x034F, 0x034F, 0x061C, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180F,
        0x200B, 0x200F, 0x202A, 0x202E, 0x2060, 0x206F, 0x3164, 0x3164, 0xFE00, 0xFE0F, 0xFEFF, 0xFEFF,
        0xFFA0, 0xFFA0, 0xFFF0, 0xFFF8, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0000, 0xE0FFF,
    ];

    /// <summary>IgnorableBlocks (RFC 5892 section 2.4: Combining Diacritical Marks for Symbols, Musical
    /// Symbols, Ancient Greek Musical Notation) and OldHangulJamo (section 2.9: Hangul_Syllable_Type L, V
    /// and T, Unicode 16.0 HangulSyllableType.txt).</summary>
    private static ReadOnlySpan<int> IgnorableBlocksAndOldJamo =>
    [
        0x1100, 0x11FF, 0x20D0, 0x20FF, 0xA960, 0xA97C, 0xD7B0, 0xD7C6, 0xD7CB, 0xD7FB, 0x1D100, 0x1D24F,
    ];

    /// <summary>Code points Unicode 16.0 adds that are Unstable (capital letters, compatibility digits):
    /// .NET 10 reads categories as Unicode 16.0, but its case mapping and normalization come from the
    /// system's ICU, which may predate 16.0 and would keep them as they are.</summary>
    private static ReadOnlySpan<int> UnstableSinceUnicode16 =>
    [
        0x1C89, 0x1C89, 0xA7CB, 0xA7CC, 0xA7DA, 0xA7DA, 0xA7DC, 0xA7DC, 0x10D50, 0x10D65, 0x1CCF0, 0x1CCF9,
    ];

    public static IdnaProperty Of(int codePoint)
    {
        if (Exception(codePoint) is { } exception)
        {
            return exception;
        }

        // BackwardCompatible (section 2.7) is empty.
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category == UnicodeCategory.OtherNotAssigned)
        {
            return IsNoncharacter(codePoint) ? IdnaProperty.Disallowed : IdnaProperty.Unassigned;
        }

        if (codePoint is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        {
            return IdnaProperty.Pvalid;
        }

        if (codePoint is 0x200C or 0x200D)
        {
            return IdnaProperty.ContextJ;
        }

        if (CodePointRanges.Contains(DefaultIgnorable, codePoint)
            || CodePointRanges.Contains(IgnorableBlocksAndOldJamo, codePoint)
            || IsUnstable(codePoint))
        {
            return IdnaProperty.Disallowed;
        }

        return category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ModifierLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            ? IdnaProperty.Pvalid
            : IdnaProperty.Disallowed;
    }

    /// <summary>The exceptions table of RFC 5892 section 2.6.</summary>
    private static IdnaProperty? Exception(int codePoint) => codePoint switch
    {
        0x00DF or 0x03C2 or 0x06FD or 0x06FE or 0x0F0B or 0x3007 => IdnaProperty.Pvalid,
        0x00B7 or 0x0375 or 0x05F3 or 0x05F4 or 0x30FB or (>= 0x0660 and <= 0x0669) or (>= 0x06F0 and <= 0x06F9) => IdnaProperty.ContextO,
        0x0640 or 0x07FA or 0x302E or 0x302F or (>= 0x3031 and <= 0x3035) or 0x303B => IdnaProperty.Disallowed,
        _ => null,
    };

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    /// <summary>Unstable (section 2.2): changed by NFKC, case folding, NFKC.</summary>
    /// <remarks>Case folding is .NET's simple case mapping applied to the NFKD form, so that a precomposed
    /// letter folds through its parts as full case folding (CaseFolding.txt status F) does: U+1F80 becomes
    /// U+1F00 U+03B9, U+0130 becomes i U+0307.</remarks>
    private static bool IsUnstable(int codePoint)
    {
        if (CodePointRanges.Contains(UnstableSinceUnicode16, codePoint))
        {
            return true;
        }

        // Most letters are NFKC already and their NFKD parts fold to themselves: nothing changes them.
        Span<char> utf16 = stackalloc char[2];
        ReadOnlySpan<char> text = utf16[..new Rune(codePoint).EncodeToUtf16(utf16)];
        Span<char> decomposed = stackalloc char[32];
        if (text.IsNormalized(NormalizationForm.FormKC)
            && text.TryNormalize(decomposed, out var length, NormalizationForm.FormKD)
            && FoldsToItself(decomposed[..length]))
        {
            return false;
        }

        var folded = new StringBuilder();
        foreach (var part in text.ToString().Normalize(NormalizationForm.FormKD).EnumerateRunes())
        {
            folded.Append(Fold(part).ToString());
        }

        return !folded.ToString().Normalize(NormalizationForm.FormKC).AsSpan().SequenceEqual(text);
    }

    private static bool FoldsToItself(ReadOnlySpan<char> text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Fold(rune) != rune)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Simple case folding: Cherokee folds to the capital letters (CaseFolding.txt since Unicode 8.0),
    /// the other scripts to the small ones.</summary>
    private static Rune Fold(Rune rune) => rune.Value is (>= 0x13A0 and <= 0x13FD) or (>= 0xAB70 and <= 0xABBF)
        ? Rune.ToUpperInvariant(rune)
        : Rune.ToLowerInvariant(Rune.ToUpperInvariant(rune));
}
