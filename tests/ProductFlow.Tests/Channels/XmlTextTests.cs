using System.Buffers;
using ProductFlow.Channels.Google;

namespace ProductFlow.Tests.Channels;

public class XmlTextTests
{
    // Characters that XML escapes, ends lines with, cannot hold, or encodes in several bytes.
    private const string Alphabet = "aZ09 &<>\"'#;=\t\r\n\u0000\u0001\u001F\u007F\u0080\u0085\u009F\u00A0\u00E9\u2013\u2028\uFEFF\uFFFD\uFFFE\uFFFF\uD800\uDBFF\uDC00\uDFFF\uD83D\uDE00";

    [TestCase("plain text")]
    [TestCase("Fjordline Tech Hoodie 3 \u2013 Grey")]
    [TestCase("Tee <b>\"Deluxe\"</b> & more, =1+1")]
    [TestCase("a\r\nb\rc\nd\n\re")]
    [TestCase("\r")]
    [TestCase("ends with a high surrogate \uD83D")]
    [TestCase("\uDE00 starts with a low surrogate")]
    [TestCase("a pair \uD83D\uDE00 and <more>")]
    [TestCase("\uD83D\uD83D\uDE00")]
    [TestCase("control \u0001 and \uFFFE", TestName = "{m}(control characters)")] // named: a test name with them is lost
    public void Text_is_the_bytes_an_xml_writer_writes(string text) =>
        Assert.That(Written(text), Is.EqualTo(GoogleXmlOracle.Content(text)));

    [Test]
    public void Random_text_is_the_bytes_an_xml_writer_writes()
    {
        var random = new Random(20261206);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 24)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            Assert.That(Written(text), Is.EqualTo(GoogleXmlOracle.Content(text)), () => string.Join(" ", text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    private static byte[] Written(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        XmlText.Write(buffer, text);
        return buffer.WrittenSpan.ToArray();
    }
}
