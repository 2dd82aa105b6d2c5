using System.Text;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Csv;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

/// <summary>The "bad input" list of the connectors issue, for CSV: each is an issue or a <see cref="FeedReadException"/>, never a crash.</summary>
public class CsvBadInputTests
{
    [Test]
    public async Task A_header_only_file_reads_no_rows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\n");

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku"] });

        Assert.That(rows, Is.Empty);
    }

    [Test]
    public async Task Binary_junk_fails_the_feed_naming_the_byte()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("junk.csv");
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        junk[100] = 0;
        await File.WriteAllBytesAsync(path, junk);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new CsvFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Message, Does.Contain("junk.csv").And.Contain("binary content"));
    }

    [Test]
    public async Task A_workbook_read_as_csv_fails_with_a_hint_to_use_xlsx()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("feed.csv");
        await File.WriteAllBytesAsync(path, [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0]);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new CsvFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Hint, Does.Contain("xlsx"));
    }

    [Test]
    public async Task A_10_MB_single_field_is_read_whole()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("big.csv");
        var big = new string('x', 10 * 1024 * 1024);
        await File.WriteAllTextAsync(path, "sku,description\nA,\"" + big + "\"\nB,short\n");

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path));

        Assert.That(rows.Select(r => r[1].Length), Is.EqualTo(new[] { big.Length, 5 }));
        Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 2L, 3L }));
    }

    [Test]
    public async Task A_record_over_the_size_limit_fails_the_feed_instead_of_filling_memory()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("big.csv");
        await File.WriteAllTextAsync(path, "sku,description\nA,\"" + new string('x', 1024 * 1024) + "\"\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new CsvFeedReader().ReadAllAsync(new FeedSource(path) { MaxRecordBytes = 256 * 1024 }));

        Assert.That(error!.Message, Does.Contain("big.csv"));
    }

    [Test]
    public async Task A_semicolon_file_declared_comma_fails_naming_the_missing_columns_and_what_was_found()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku;name\nA;one\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(
            () => new CsvFeedReader().ReadAllAsync(new FeedSource(path) { Delimiter = ',', RequiredColumns = ["sku", "name"] }));

        Assert.That(error!.Message, Does.Contain("'sku', 'name' missing").And.Contain("found: sku;name"));
    }

    [Test]
    public async Task A_header_that_decodes_wrongly_is_quoted_in_at_most_200_characters()
    {
        // UTF-8 text behind a UTF-16 byte order mark: the whole file decodes as one "column" of CJK-looking characters.
        using var dir = new TempDirectory();
        var path = dir.Combine("feed.csv");
        var text = "sku,name\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"SKU-{i},Name {i}\n"));
        await File.WriteAllBytesAsync(path, [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(text)]);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new CsvFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku", "name"] }));

        Assert.That(error!.Message, Does.Contain("'sku', 'name' missing").And.Contain("more characters"));
        Assert.That(error.Message, Has.Length.LessThan(400), "the message quotes ~200 characters of the header, not the whole file");
    }

    [TestCase(",")]
    [TestCase(";")]
    [TestCase("\t")]
    [TestCase("|")]
    public async Task The_delimiter_is_sniffed_when_not_declared(string delimiter)
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder();
        text.Append(string.Join(delimiter, "sku", "name", "price")).Append('\n');
        for (var i = 0; i < 5; i++)
        {
            text.Append(string.Join(delimiter, $"S{i}", "a name, with comma", "1.5")).Append('\n');
        }

        var path = dir.File("feed.csv", delimiter == "," ? text.ToString().Replace("a name, with comma", "\"a name, with comma\"", StringComparison.Ordinal) : text.ToString());

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku", "name", "price"] });

        Assert.That(rows[0].Header.Delimiter, Is.EqualTo(delimiter[0]));
        Assert.That(rows.Select(r => r[1]), Is.All.EqualTo("a name, with comma"));
    }

    [Test]
    public async Task A_declared_delimiter_overrides_sniffing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku|name\nA;1|x;y\nB;2|z;w\n");

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { Delimiter = '|' });

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "A;1", "B;2" }));
    }
}
