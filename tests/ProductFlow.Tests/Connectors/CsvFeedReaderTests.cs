using System.Text.Json;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Csv;
using ProductFlow.Model;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

public class CsvFeedReaderTests
{
    private static readonly string Spectrum = TestPaths.InPublicTestData("csv-spectrum");

    public static IEnumerable<TestCaseData> SpectrumCases() =>
        Directory.GetFiles(Path.Combine(Spectrum, "csvs"), "*.csv").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileNameWithoutExtension(path)).SetName("csv-spectrum " + Path.GetFileName(path)));

    [TestCaseSource(nameof(SpectrumCases))]
    public async Task Every_csv_spectrum_case_parses_to_its_expected_rows(string name)
    {
        var rows = await ReadAsync(new FeedSource(Path.Combine(Spectrum, "csvs", name + ".csv")) { Delimiter = ',' });
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Spectrum, "json", name + ".json")));

        var actual = rows.Select(r => r.Header.Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
        var wanted = expected.RootElement.EnumerateArray()
            .Select(o => o.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)).ToList();
        Assert.That(rows.Select(r => r.Problem), Is.All.Null);
        Assert.That(actual, Is.EqualTo(wanted));
    }

    [Test]
    public async Task Rows_keep_the_line_where_they_start_including_quoted_line_breaks()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\nA,\"two\nlines\"\nB,plain\n");

        var rows = await ReadAsync(new FeedSource(path));

        Assert.That(rows.Select(r => (r.Line, r[0])), Is.EqualTo(new[] { (2L, "A"), (4L, "B") }));
    }

    [Test]
    public async Task A_row_with_the_wrong_field_count_becomes_an_issue_with_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\nA,one\nB,two,extra\nC,three\n");

        var rows = await ReadAsync(new FeedSource(path));

        Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 2L, 3L, 4L }));
        var bad = rows.Single(r => r.Problem is not null);
        Assert.That(bad.Problem!.Rule, Is.EqualTo(RuleIds.CsvFieldCount));
        Assert.That(bad.Problem.Line, Is.EqualTo(3));
        Assert.That(bad.Raw, Is.EqualTo("B,two,extra"));
    }

    [Test]
    public async Task Malformed_quoting_is_an_issue_not_silently_recovered_data()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\nA,\"ab\"c\nB,fine\n");

        var rows = await ReadAsync(new FeedSource(path));

        var bad = rows.Single(r => r.Problem is not null);
        Assert.That(bad.Problem!.Rule, Is.EqualTo(RuleIds.CsvMalformed));
        Assert.That(bad.Line, Is.EqualTo(2));
        Assert.That(rows.Where(r => r.Problem is null).Select(r => r[1]), Is.EqualTo(new[] { "fine" }));
    }

    [Test]
    public async Task An_unterminated_quote_at_the_end_fails_the_feed_with_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\nA,ok\nB,\"never closed\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => ReadAsync(new FeedSource(path)));

        Assert.That(error!.Line, Is.EqualTo(3));
        Assert.That(error.Message, Does.Contain("feed.csv").And.Contain("line 3"));
    }

    [Test]
    public async Task A_missing_mapped_column_fails_the_feed_and_names_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\nA,one\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => ReadAsync(new FeedSource(path) { RequiredColumns = ["sku", "gtin"] }));

        Assert.That(error!.Message, Does.Contain("'gtin'").And.Contain("line 1"));
    }

    [Test]
    public async Task Headers_match_trimmed_and_case_insensitively_but_are_reported_as_written()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", " SKU ,Name\nA,one\n");

        var rows = await ReadAsync(new FeedSource(path) { RequiredColumns = ["sku", "name"] });

        Assert.That(rows[0].Header.IndexOf("sku"), Is.Zero);
        Assert.That(rows[0].Header.Columns[0], Is.EqualTo(" SKU "));
    }

    [Test]
    public async Task A_duplicate_mapped_column_fails_the_feed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,SKU\nA,B\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => ReadAsync(new FeedSource(path) { RequiredColumns = ["sku"] }));

        Assert.That(error!.Message, Does.Contain("more than once"));
    }

    [Test]
    public async Task A_returned_rejected_file_is_read_without_its_pf_columns_and_formula_guard()
    {
        using var dir = new TempDirectory();
        var path = dir.File("rejected.csv", "sku,description,pf_line,pf_message\nA,'=SUM(1),7,bad gtin\n");

        var rows = await ReadAsync(new FeedSource(path));

        Assert.That(rows[0].Header.Columns, Is.EqualTo(new[] { "sku", "description" }));
        Assert.That(rows[0].Fields, Is.EqualTo(new[] { "A", "=SUM(1)" }));
    }

    [Test]
    public async Task An_empty_file_fails_the_feed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.csv", "");

        await Assert.ThrowsAsync<FeedReadException>(() => ReadAsync(new FeedSource(path)));
    }

    [Test]
    public async Task A_released_rows_fields_array_is_read_into_again_and_a_row_kept_keeps_its_fields()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\nA,one\nB,two\nC,three\nD,four\n");
        var rows = new List<SourceRow>();
        var arrays = new List<object>();

        await foreach (var row in new CsvFeedReader().ReadAsync(new FeedSource(path)))
        {
            rows.Add(row);
            arrays.Add(row.Fields);
            if (row[0] is "A" or "C")
            {
                row.Release(); // A's array is lent to B; C's to D; B is kept
            }
        }

        Assert.That(rows.Select(r => string.Join('|', r.Fields)), Is.EqualTo(new[] { "", "B|two", "", "D|four" }), "a released row reads as empty, never as a later row");
        Assert.That(arrays[1], Is.SameAs(arrays[0]), "B is read into A's array");
        Assert.That(arrays[2], Is.Not.SameAs(arrays[1]), "B was not released: C gets an array of its own");
        Assert.That(arrays[3], Is.SameAs(arrays[2]));
        Assert.That(rows[1][1], Is.EqualTo("two"));
    }

    private static async Task<List<SourceRow>> ReadAsync(FeedSource source)
    {
        var rows = new List<SourceRow>();
        await foreach (var row in new CsvFeedReader().ReadAsync(source))
        {
            rows.Add(row);
        }

        return rows;
    }
}
