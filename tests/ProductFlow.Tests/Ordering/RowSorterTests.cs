using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Ordering;

namespace ProductFlow.Tests.Ordering;

public class RowSorterTests
{
    private static readonly FeedHeader Header = new(["sku", "code", "parent"], ';');

    // sku;code;parent: a product row has a SKU, a model row a code (as in a combined Akeneo export).
    private static readonly string[][] Shuffled =
    [
        ["V-2", "", "M1"], ["", "S1", "M1"], ["P-1", "", ""], ["V-1", "", "S1"], ["", "M1", ""], ["V-3", "", "M2"], ["V-4", "", "M1"], ["P-2", "", ""], ["", "M2", ""],
    ];

    [TestCase(1000)]
    [TestCase(2)]
    [TestCase(0)]
    public async Task Rows_come_back_as_a_grouped_feed_whether_held_in_memory_or_spilled_to_a_scratch_file(int maxHeldRows)
    {
        using var sorter = new RowSorter(maxHeldRows);

        var lines = new List<long>();
        await foreach (var row in sorter.OrderAsync(Rows(Shuffled), new CodeMapper()))
        {
            lines.Add(row.Line);
        }

        // Rows of no model as they come (P-1, P-2), root models (M1, M2), sub-models (S1), then variants by parent in feed order.
        Assert.That(lines, Is.EqualTo(new long[] { 4, 9, 6, 10, 3, 2, 8, 7, 5 }));
        Assert.That(sorter.Spilled, Is.EqualTo(maxHeldRows < 6));
    }

    [Test]
    public async Task A_spilled_row_comes_back_with_its_feed_line_location_header_and_fields()
    {
        using var sorter = new RowSorter(0);
        var row = new SourceRow("feed.csv", 42, Header, ["V-1", "", "Ünïcode ; \"quoted\"\nline"]) { Location = "Sheet1!42" };

        var back = new List<SourceRow>();
        await foreach (var sorted in sorter.OrderAsync(ToAsync([row]), new CodeMapper()))
        {
            back.Add(sorted);
        }

        var only = back.Single();
        Assert.That((only.Feed, only.Line, only.Location, only.Header, only.Fields), Is.EqualTo((row.Feed, row.Line, row.Location, Header, row.Fields)));
    }

    [Test]
    public async Task The_scratch_file_is_deleted_when_the_sorter_is_disposed()
    {
        var before = ScratchFiles();
        using (var sorter = new RowSorter(0))
        {
            await foreach (var _ in sorter.OrderAsync(Rows(Shuffled), new CodeMapper()))
            {
            }

            Assert.That(ScratchFiles().Except(before), Is.Not.Empty);
        }

        Assert.That(ScratchFiles().Except(before), Is.Empty);
    }

    private static string[] ScratchFiles() => Directory.GetFiles(Path.GetTempPath(), "productflow-scratch-*.db");

    private static IAsyncEnumerable<SourceRow> Rows(string[][] rows) =>
        ToAsync(rows.Select((fields, i) => new SourceRow("feed.csv", i + 2, Header, fields)));

    private static async IAsyncEnumerable<SourceRow> ToAsync(IEnumerable<SourceRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    /// <summary>A mapper of sku;code;parent rows: a row with a code and no SKU is a product model.</summary>
    private sealed class CodeMapper : IRecordMapper
    {
        public IReadOnlyCollection<string> RequiredColumns => [];

        public MappedRecord Map(SourceRow row)
        {
            var model = row[0].Length == 0;
            var record = new ProductRecord(model ? row[1] : row[0]) { IsModel = model, Parent = row[2].Length == 0 ? null : row[2], Feed = row.Feed, Line = row.Line };
            return new MappedRecord(row, record);
        }
    }
}
