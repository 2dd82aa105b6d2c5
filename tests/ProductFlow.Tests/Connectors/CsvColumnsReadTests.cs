using System.Text;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Csv;
using ProductFlow.Model;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

/// <summary>A read of some columns (<see cref="FeedSource.ColumnsRead"/>): the other fields are left empty, everything else is a full read's.</summary>
public class CsvColumnsReadTests
{
    [Test]
    public async Task A_read_of_some_columns_leaves_the_other_fields_empty()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name,model\nA,\"one, two\",M\nB,three,\n");

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { ColumnsRead = h => [h.IndexOf("model"), h.IndexOf("sku")] });

        Assert.That(rows.Select(r => r.Fields), Is.EqualTo(new[] { new[] { "A", "", "M" }, ["B", "", ""] }));
        Assert.That(rows[0].Header.Columns, Is.EqualTo(new[] { "sku", "name", "model" }));
    }

    [Test]
    public async Task No_answer_reads_every_column()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name\nA,one\n");

        var rows = await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { ColumnsRead = _ => null });

        Assert.That(rows.Single().Fields, Is.EqualTo(new[] { "A", "one" }));
    }

    [Test]
    public async Task A_read_of_some_columns_finds_the_rows_problems_of_a_full_read_at_the_same_lines()
    {
        using var dir = new TempDirectory();
        var path = dir.File(
            "feed.csv",
            "sku,name,model\nA,one,M1\nB,\"ab\"c,M1\n\nC,\"two\nlines\",M2\nD,four\nE,five,M2,extra\nF,\"x\"\"y\",M3\n");

        var full = await new CsvFeedReader().ReadAllAsync(new FeedSource(path));
        var narrowed = await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { ColumnsRead = h => [h.IndexOf("model")] });

        Assert.That(narrowed.Select(Problem), Is.EqualTo(full.Select(Problem)));
        Assert.That(narrowed.Select(r => r.Problem?.Rule), Is.EqualTo(new[] { null, RuleIds.CsvMalformed, null, RuleIds.CsvFieldCount, RuleIds.CsvFieldCount, null }));
        Assert.That(narrowed.Select(r => r.Problem is null ? r[2] : "-"), Is.EqualTo(full.Select(r => r.Problem is null ? r[2] : "-")));
    }

    [Test]
    public async Task A_read_of_some_columns_fails_at_the_line_of_a_quote_never_closed_as_a_full_read_does()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name,model\nA,ok,M1\nB,\"never closed,M1\nC,ok,M2\n");

        var full = await FailureAsync(new FeedSource(path));
        var narrowed = await FailureAsync(new FeedSource(path) { ColumnsRead = h => [h.IndexOf("sku")] });

        Assert.That((narrowed.Line, narrowed.Message), Is.EqualTo((full.Line, full.Message)));
        Assert.That(narrowed.Line, Is.EqualTo(3));
    }

    [Test]
    public async Task A_read_of_some_columns_checks_the_header_as_a_full_read_does()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku,name,SKU\nA,one,B\n");

        var full = await FailureAsync(new FeedSource(path) { RequiredColumns = ["sku", "model"] });
        var narrowed = await FailureAsync(new FeedSource(path) { RequiredColumns = ["sku", "model"], ColumnsRead = _ => [1] });

        Assert.That((narrowed.Line, narrowed.Message), Is.EqualTo((full.Line, full.Message)));
        Assert.That(narrowed.Message, Does.Contain("more than once"));
    }

    [Test]
    public async Task A_read_of_some_columns_decodes_them_in_the_encoding_a_full_read_detects()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("feed.csv");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("sku,name,model\nA,Café,Modèle\n"));

        var full = (await new CsvFeedReader().ReadAllAsync(new FeedSource(path))).Single();
        var narrowed = (await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { ColumnsRead = h => [h.IndexOf("model")] })).Single();

        Assert.That(narrowed.Header.Encoding, Is.EqualTo(full.Header.Encoding).And.EqualTo("windows-1252"));
        Assert.That(narrowed.Fields, Is.EqualTo(new[] { "", "", "Modèle" }));
    }

    [Test]
    public async Task A_returned_rejected_file_is_read_by_the_columns_of_its_header_without_pf_columns()
    {
        using var dir = new TempDirectory();
        var path = dir.File("rejected.csv", "sku,pf_line,description,pf_message\nA,7,'=SUM(1),bad gtin\n");

        var row = (await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { ColumnsRead = h => [h.IndexOf("description")] })).Single();

        Assert.That(row.Header.Columns, Is.EqualTo(new[] { "sku", "description" }));
        Assert.That(row.Fields, Is.EqualTo(new[] { "", "=SUM(1)" }));
    }

    private static (long Line, string? Rule, long? IssueLine, string? Raw, string? Message) Problem(SourceRow row) =>
        (row.Line, row.Problem?.Rule, row.Problem?.Line, row.Raw, row.Problem?.Message);

    private static async Task<FeedReadException> FailureAsync(FeedSource source)
    {
        var error = await Assert.ThrowsAsync<FeedReadException>(() => new CsvFeedReader().ReadAllAsync(source));
        return error!;
    }
}
