namespace ProductFlow.JsonSchema.Formats.Idna;

/// <summary>The CONTEXTJ and CONTEXTO rules of RFC 5892 Appendix A: whether a code point with one of those
/// derived properties may stand where it stands in a U-label.</summary>
internal static class IdnaContextRules
{
    public static bool Allows(ReadOnlySpan<int> label, int index) => label[index] switch
    {
        // A.1 ZERO WIDTH NON-JOINER: after a virama, or between joining letters (transparent ones skipped).
        0x200C => AfterVirama(label, index) || JoinsAcross(label, index),

        // A.2 ZERO WIDTH JOINER: after a virama.
        0x200D => AfterVirama(label, index),

        // A.3 MIDDLE DOT: between two 'l's (Catalan "l·l").
        0x00B7 => index > 0 && index < label.Length - 1 && label[index - 1] == 'l' && label[index + 1] == 'l',

        // A.4 GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek.
        0x0375 => index < label.Length - 1 && UnicodeScripts.IsGreek(label[index + 1]),

        // A.5 HEBREW PUNCTUATION GERESH, A.6 GERSHAYIM: preceded by Hebrew.
        0x05F3 or 0x05F4 => index > 0 && UnicodeScripts.IsHebrew(label[index - 1]),

        // A.7 KATAKANA MIDDLE DOT: the label holds Hiragana, Katakana or Han (the dot itself is Common).
        0x30FB => ContainsHiraganaKatakanaOrHan(label),

        // A.8 ARABIC-INDIC DIGITS and A.9 EXTENDED ARABIC-INDIC DIGITS are not mixed.
        >= 0x0660 and <= 0x0669 => !label.ContainsAnyInRange(0x06F0, 0x06F9),
        >= 0x06F0 and <= 0x06F9 => !label.ContainsAnyInRange(0x0660, 0x0669),
        _ => false,
    };

    private static bool AfterVirama(ReadOnlySpan<int> label, int index) => index > 0 && Virama.Is(label[index - 1]);

    /// <summary>The regular expression of A.1:
    /// <c>(Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})</c>.</summary>
    private static bool JoinsAcross(ReadOnlySpan<int> label, int index)
    {
        var before = index - 1;
        while (before >= 0 && JoiningTypes.Of(label[before]) == JoiningTypes.T)
        {
            before--;
        }

        var after = index + 1;
        while (after < label.Length && JoiningTypes.Of(label[after]) == JoiningTypes.T)
        {
            after++;
        }

        return before >= 0 && JoiningTypes.Of(label[before]) is JoiningTypes.L or JoiningTypes.D
            && after < label.Length && JoiningTypes.Of(label[after]) is JoiningTypes.R or JoiningTypes.D;
    }

    private static bool ContainsHiraganaKatakanaOrHan(ReadOnlySpan<int> label)
    {
        foreach (var codePoint in label)
        {
            if (UnicodeScripts.IsHiraganaKatakanaOrHan(codePoint))
            {
                return true;
            }
        }

        return false;
    }
}
