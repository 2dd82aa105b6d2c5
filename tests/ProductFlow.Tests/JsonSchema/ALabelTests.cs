using ProductFlow.JsonSchema.Formats;
using ProductFlow.JsonSchema.Formats.Idna;

namespace ProductFlow.Tests.JsonSchema;

/// <summary>IDNA 2008 checks of <c>xn--</c> labels, beyond the cases of the JSON-Schema-Test-Suite.</summary>
[TestFixture]
public sealed class ALabelTests
{
    [TestCase("xn--bcher-kva", TestName = "Latin_letter_with_diaeresis_is_valid")]
    [TestCase("XN--BCHER-KVA", TestName = "A_label_is_read_case_insensitively")]
    [TestCase("xn--fiqs8s", TestName = "Han_label_is_valid")]
    [TestCase("xn--strae-oqa", TestName = "Sharp_s_is_valid_as_an_exception")]
    [TestCase("xn--3xa", TestName = "Greek_final_sigma_is_valid_as_an_exception")]
    [TestCase("xn--cfa", TestName = "Dotless_i_is_valid")]
    [TestCase("xn--58d", TestName = "Cherokee_capital_letter_is_valid_as_it_is_its_own_case_fold")]
    [TestCase("xn--ngba7iz95i", TestName = "Zwnj_between_joining_letters_skips_transparent_marks")]
    [TestCase("xn--4db4e", TestName = "Geresh_after_Hebrew_is_valid")]
    [TestCase("xn--vek868f", TestName = "Katakana_middle_dot_with_Han_is_valid")]
    public void Valid_A_label_is_accepted(string label)
    {
        Assert.That(ALabel.IsValid(label), Is.True);
    }

    [TestCase("xn--", TestName = "Empty_A_label_is_refused")]
    [TestCase("xn--abc-", TestName = "A_label_of_ASCII_only_is_refused")]
    [TestCase("xn--bucher-xyd", TestName = "U_label_not_in_NFC_is_refused")]
    [TestCase("xn--ypd8q", TestName = "Conjoining_Hangul_jamo_are_refused_as_not_NFC")]
    [TestCase("xn--bcher-2pa", TestName = "Capital_letter_is_refused_as_unstable")]
    [TestCase("xn--62g", TestName = "Kelvin_sign_is_refused")]
    [TestCase("xn--b-yq0i", TestName = "Fullwidth_letter_is_refused_as_unstable")]
    [TestCase("xn--hsg", TestName = "Greek_letter_with_ypogegrammeni_is_refused_as_its_full_case_fold_differs")]
    [TestCase("xn--kz9a", TestName = "Cherokee_small_letter_is_refused_as_it_folds_to_the_capital")]
    [TestCase("xn----eha", TestName = "U_label_starting_with_a_hyphen_is_refused")]
    [TestCase("xn----dha", TestName = "U_label_ending_with_a_hyphen_is_refused")]
    [TestCase("xn--n3h", TestName = "Symbol_is_refused")]
    [TestCase("xn--e28h", TestName = "Emoji_is_refused")]
    [TestCase("xn--a-vca1v", TestName = "Soft_hyphen_is_refused_as_default_ignorable")]
    [TestCase("xn--a-qib", TestName = "Unassigned_code_point_is_refused")]
    [TestCase("xn--ngba5e", TestName = "Tatweel_is_refused_as_an_exception")]
    [TestCase("xn--mgbc799q", TestName = "Zwnj_after_a_right_joining_letter_is_refused")]
    [TestCase("xn--ngb073k", TestName = "Zwnj_at_the_end_is_refused")]
    [TestCase("xn--9hb40a", TestName = "Arabic_Indic_digit_with_an_extended_one_is_refused")]
    public void Invalid_A_label_is_refused(string label)
    {
        Assert.That(ALabel.IsValid(label), Is.False);
    }

    [TestCase("xn--bcher-kva.example.com", true)]
    [TestCase("www.xn--n3h.example", false)]
    [TestCase("ab--cd.example", false)]
    [TestCase("a--b.example", true)]
    public void Hostname_decodes_only_its_xn_labels(string hostname, bool valid)
    {
        Assert.That(NetworkFormats.IsHostname(hostname), Is.EqualTo(valid));
    }
}
