using System.Text;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Csv;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

public class CsvEncodingTests
{
    private const string Text = "sku;name\nA;Café crème\n";

    public static IEnumerable<TestCaseData> Encoded()
    {
        yield return new TestCaseData(Encoding.UTF8.GetBytes(Text), "utf-8").SetName("UTF-8 without BOM");
        yield return new TestCaseData(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray(), "utf-8 (BOM)").SetName("UTF-8 with BOM");
        yield return new TestCaseData(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text)).ToArray(), "utf-16le (BOM)").SetName("UTF-16 LE with BOM");
        yield return new TestCaseData(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Text)).ToArray(), "utf-16be (BOM)").SetName("UTF-16 BE with BOM");
        yield return new TestCaseData(Encoding.Latin1.GetBytes(Text), "windows-1252").SetName("Windows-1252 when the bytes are not UTF-8");
    }

    [TestCaseSource(nameof(Encoded))]
    public async Task Read_detects_the_encoding_and_decodes_accents(byte[] bytes, string encoding)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("feed.csv");
        await File.WriteAllBytesAsync(path, bytes);

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path));

        Assert.That(rows.Select(r => r[1]), Is.EqualTo(new[] { "Café crème" }));
        Assert.That(rows[0].Header.Columns, Is.EqualTo(new[] { "sku", "name" }));
        Assert.That(rows[0].Header.Encoding, Is.EqualTo(encoding));
        Assert.That(rows[0].Header.Delimiter, Is.EqualTo(';'));
    }

    [Test]
    public async Task Read_uses_the_declared_encoding_over_detection()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("feed.csv");
        // Valid UTF-8 bytes, declared Latin-1: the steward's word wins, so "é" reads as two characters.
        await File.WriteAllBytesAsync(path, Encoding.UTF8.GetBytes("sku,name\nA,é\n"));

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { Encoding = "iso-8859-1" });

        Assert.That(rows[0][1], Is.EqualTo("Ã©"));
        Assert.That(rows[0].Header.Encoding, Is.EqualTo("iso-8859-1"));
    }

    [Test]
    public async Task Read_fails_a_declared_utf8_feed_with_invalid_bytes_naming_byte_and_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("feed.csv");
        var bytes = Encoding.ASCII.GetBytes("sku,name\nA,ok\nB,caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new CsvFeedReader().ReadAllAsync(new FeedSource(path) { Encoding = "utf-8" }));

        Assert.That(error!.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("feed.csv").And.Contain("line 3").And.Contain("byte 19").And.Contain("invalid UTF-8"));
        Assert.That(error.Hint, Does.Contain("source.encoding"));
    }

    [Test]
    public async Task Read_detects_windows1252_even_when_the_first_non_ascii_byte_is_far_into_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("feed.csv");
        var ascii = new StringBuilder("sku,name\n");
        for (var i = 0; i < 20_000; i++)
        {
            ascii.Append(FormattableString.Invariant($"S{i},plain\n"));
        }

        await File.WriteAllBytesAsync(path, [.. Encoding.ASCII.GetBytes(ascii.ToString()), .. Encoding.Latin1.GetBytes("Z,Müller\n")]);

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path));

        Assert.That(rows[^1][1], Is.EqualTo("Müller"));
        Assert.That(rows[0].Header.Encoding, Is.EqualTo("windows-1252"));
    }
}
