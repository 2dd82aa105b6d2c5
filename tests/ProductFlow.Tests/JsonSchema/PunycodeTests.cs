using ProductFlow.JsonSchema.Formats.Idna;

namespace ProductFlow.Tests.JsonSchema;

[TestFixture]
public sealed class PunycodeTests
{
    // RFC 3492 section 7.1, samples (B) and (L).
    [TestCase("ihqwcrb4cv8a8dqg056pqjye", new[] { 0x4ED6, 0x4EEC, 0x4E3A, 0x4EC0, 0x4E48, 0x4E0D, 0x8BF4, 0x4E2D, 0x6587 })]
    [TestCase("3B-ww4c5e180e575a65lsy2b", new[] { 0x33, 0x5E74, 0x42, 0x7D44, 0x91D1, 0x516B, 0x5148, 0x751F })]
    [TestCase("bcher-kva", new[] { 0x62, 0xFC, 0x63, 0x68, 0x65, 0x72 })]
    [TestCase("abc-", new[] { 0x61, 0x62, 0x63 })]
    [TestCase("", new int[0])]
    public void Decode_yields_the_code_points_of_RFC_3492(string input, int[] expected)
    {
        Assert.That(Decode(input), Is.EqualTo(expected));
    }

    [Test]
    public void Decode_reads_digits_in_either_case()
    {
        Assert.That(Decode("IHQWCRB4CV8A8DQG056PQJYE"), Is.EqualTo(Decode("ihqwcrb4cv8a8dqg056pqjye")));
    }

    [TestCase("x", TestName = "Decode_refuses_input_ending_inside_an_integer")]
    [TestCase("ab%", TestName = "Decode_refuses_a_character_that_is_no_digit")]
    [TestCase("-abc", TestName = "Decode_refuses_a_leading_delimiter_with_no_basic_code_point_before_it")]
    [TestCase("a\u00e9-b", TestName = "Decode_refuses_a_non_basic_code_point_before_the_delimiter")]
    [TestCase("ib9b", TestName = "Decode_refuses_a_surrogate_code_point")]
    [TestCase("en32g", TestName = "Decode_refuses_a_code_point_beyond_U_10FFFF")]
    [TestCase("99999999999999", TestName = "Decode_refuses_integer_overflow")]
    public void Decode_refuses_invalid_punycode(string input)
    {
        Assert.That(Punycode.TryDecode(input, new int[64], out _), Is.False);
    }

    [Test]
    public void Decode_accepts_the_last_code_point()
    {
        Assert.That(Decode("dn32g"), Is.EqualTo(new[] { 0x10FFFF }));
    }

    [Test]
    public void Decode_refuses_more_code_points_than_the_output_holds()
    {
        Assert.That(Punycode.TryDecode("ihqwcrb4cv8a8dqg056pqjye", new int[8], out _), Is.False);
    }

    private static int[] Decode(string input)
    {
        var output = new int[64];
        Assert.That(Punycode.TryDecode(input, output, out var length), Is.True, input);
        return output[..length];
    }
}
