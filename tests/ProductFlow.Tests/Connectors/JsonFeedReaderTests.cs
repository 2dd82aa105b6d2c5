using System.Text;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Json;
using ProductFlow.Model;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

public class JsonFeedReaderTests
{
    private const string Products = """
        [
          { "sku": "A-1", "price": 12.50, "active": true, "tags": ["new", "sale"], "dimensions": { "weight": 0.2, "unit": "kg" }, "note": null },
          {
            "sku": "A-2",
            "price": 7,
            "active": false,
            "dimensions": { "weight": 1e3 }
          }
        ]
        """;

    [Test]
    public async Task Read_maps_json_pointers_and_keeps_numbers_as_written()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", Products);

        var rows = await new JsonFeedReader().ReadAllAsync(new FeedSource(path)
        { RequiredColumns = ["sku", "/price", "/active", "/tags", "/dimensions/weight", "/dimensions/unit", "note"] });

        Assert.That(rows[0].Fields, Is.EqualTo(new[] { "A-1", "12.50", "true", "new,sale", "0.2", "kg", "" }));
        Assert.That(rows[1].Fields, Is.EqualTo(new[] { "A-2", "7", "false", "", "1e3", "", "" }));
        Assert.That(rows.Select(r => (r.Line, r.Location)), Is.EqualTo(new[] { (2L, "$[0]"), (3L, "$[1]") }));
    }

    [Test]
    public async Task Without_a_mapping_the_columns_are_the_leaf_pointers_of_the_first_object()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", Products);

        var rows = await new JsonFeedReader().ReadAllAsync(new FeedSource(path));

        Assert.That(rows[0].Header.Columns, Is.EqualTo(new[] { "/sku", "/price", "/active", "/tags", "/dimensions/weight", "/dimensions/unit", "/note" }));
    }

    [Test]
    public async Task A_json_array_cut_in_the_middle_fails_the_feed_after_the_complete_elements()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", Products[..Products.IndexOf("\"price\": 7", StringComparison.Ordinal)]);
        var rows = new List<SourceRow>();

        var error = await Assert.ThrowsAsync<FeedReadException>(async () =>
        {
            await foreach (var row in new JsonFeedReader().ReadAsync(new FeedSource(path) { RequiredColumns = ["sku"] }))
            {
                rows.Add(row);
            }
        });

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "A-1" }));
        Assert.That(error!.Message, Does.Contain("feed.json").And.Contain("$[1]"));
        Assert.That(error.Line, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task A_file_that_is_not_an_array_fails_with_a_hint_to_use_jsonl()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", "{\"sku\":\"A\"}\n{\"sku\":\"B\"}\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new JsonFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Hint, Does.Contain("jsonl"));
    }

    [Test]
    public async Task An_empty_file_fails_the_feed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", "");

        await Assert.ThrowsAsync<FeedReadException>(() => new JsonFeedReader().ReadAllAsync(new FeedSource(path)));
    }

    [Test]
    public async Task An_empty_array_reads_no_rows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", " [ ] ");

        Assert.That(await new JsonFeedReader().ReadAllAsync(new FeedSource(path)), Is.Empty);
    }

    [Test]
    public async Task An_element_that_is_not_an_object_is_a_row_issue()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", "[{\"sku\":\"A\"}, 42, {\"sku\":\"B\"}]");

        var rows = await new JsonFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku"] });

        Assert.That(rows.Select(r => r.Problem?.Rule), Is.EqualTo(new[] { null, RuleIds.JsonNotObject, null }));
        Assert.That(rows[2][0], Is.EqualTo("B"));
    }

    [Test]
    public async Task Many_elements_and_one_larger_than_the_read_buffer_stream_through()
    {
        using var dir = new TempDirectory();
        var json = new StringBuilder("[\n");
        for (var i = 0; i < 5000; i++)
        {
            json.Append(FormattableString.Invariant($"{{\"sku\":\"S{i}\",\"description\":\"{(i == 2500 ? new string('x', 300_000) : "short")}\"}},\n"));
        }

        json.Append("{\"sku\":\"last\"}\n]");
        var path = dir.File("feed.json", json.ToString());

        var rows = await new JsonFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku", "description"] });

        Assert.That(rows, Has.Count.EqualTo(5001));
        Assert.That(rows[2500][1], Has.Length.EqualTo(300_000));
        Assert.That(rows[^1].Line, Is.EqualTo(5002));
        Assert.That(rows.Select(r => r[0]).Distinct().Count(), Is.EqualTo(5001));
    }

    [Test]
    public async Task An_element_over_the_size_limit_fails_the_feed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", "[{\"sku\":\"" + new string('x', 200_000) + "\"}]");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new JsonFeedReader().ReadAllAsync(new FeedSource(path) { MaxRecordBytes = 100_000 }));

        Assert.That(error!.Message, Does.Contain("larger than"));
    }
}
