using ProductFlow.JsonSchema.Formats.Idna;

namespace ProductFlow.Tests.JsonSchema;

/// <summary>The derived property of RFC 5892, one code point of each of its categories.</summary>
[TestFixture]
public sealed class IdnaCodePointsTests
{
    [TestCase(0x0061, "Pvalid", TestName = "Ascii_small_letter_is_PVALID")]
    [TestCase(0x0041, "Disallowed", TestName = "Ascii_capital_letter_is_DISALLOWED")]
    [TestCase(0x00FC, "Pvalid", TestName = "Small_letter_is_PVALID")]
    [TestCase(0x0301, "Pvalid", TestName = "Combining_mark_is_PVALID")]
    [TestCase(0x0660, "ContextO", TestName = "Arabic_Indic_digit_is_CONTEXTO")]
    [TestCase(0x00B7, "ContextO", TestName = "Middle_dot_is_CONTEXTO")]
    [TestCase(0x200C, "ContextJ", TestName = "Zero_width_non_joiner_is_CONTEXTJ")]
    [TestCase(0x0640, "Disallowed", TestName = "Tatweel_is_DISALLOWED_by_the_exceptions")]
    [TestCase(0x3007, "Pvalid", TestName = "Ideographic_zero_is_PVALID_by_the_exceptions")]
    [TestCase(0x0130, "Disallowed", TestName = "Capital_I_with_dot_is_DISALLOWED_as_it_folds_to_i_and_a_dot")]
    [TestCase(0x1F80, "Disallowed", TestName = "Alpha_with_psili_and_ypogegrammeni_is_DISALLOWED")]
    [TestCase(0x017F, "Disallowed", TestName = "Long_s_is_DISALLOWED")]
    [TestCase(0x180B, "Disallowed", TestName = "Variation_selector_is_DISALLOWED_as_default_ignorable")]
    [TestCase(0x20D0, "Disallowed", TestName = "Mark_for_symbols_is_DISALLOWED_as_in_an_ignorable_block")]
    [TestCase(0x1100, "Disallowed", TestName = "Old_Hangul_jamo_is_DISALLOWED")]
    [TestCase(0xAC00, "Pvalid", TestName = "Hangul_syllable_is_PVALID")]
    [TestCase(0x1C89, "Disallowed", TestName = "Capital_letter_of_Unicode_16_is_DISALLOWED")]
    [TestCase(0x1C8A, "Pvalid", TestName = "Small_letter_of_Unicode_16_is_PVALID")]
    [TestCase(0xFDD0, "Disallowed", TestName = "Noncharacter_is_DISALLOWED")]
    [TestCase(0x0378, "Unassigned", TestName = "Unassigned_code_point_is_UNASSIGNED")]
    public void Derived_property_follows_RFC_5892(int codePoint, string expected)
    {
        Assert.That(IdnaCodePoints.Of(codePoint).ToString(), Is.EqualTo(expected));
    }
}
