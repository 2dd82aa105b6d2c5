using ProductFlow.Connectors;
using ProductFlow.Connectors.Json;
using ProductFlow.Model;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

public class JsonLinesFeedReaderTests
{
    [Test]
    public async Task Read_gives_one_row_per_line_with_its_line_number()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.jsonl", "{\"sku\":\"A\",\"d\":{\"w\":1.5}}\r\n\n{\"sku\":\"B\",\"d\":{\"w\":2}}");

        var rows = await new JsonLinesFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku", "/d/w"] });

        Assert.That(rows.Select(r => (r.Line, r[0], r[1])), Is.EqualTo(new[] { (1L, "A", "1.5"), (3L, "B", "2") }));
    }

    [Test]
    public async Task A_malformed_line_is_an_issue_and_reading_goes_on()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.jsonl", "{\"sku\":\"A\"}\n{\"sku\":\"B\",\n[1]\n{\"sku\":\"C\"}\n");

        var rows = await new JsonLinesFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku"] });

        Assert.That(rows.Select(r => (r.Line, r.Problem?.Rule)), Is.EqualTo(new (long, string?)[] { (1, null), (2, RuleIds.JsonMalformed), (3, RuleIds.JsonNotObject), (4, null) }));
        Assert.That(rows[1].Raw, Is.EqualTo("{\"sku\":\"B\","));
    }

    [Test]
    public async Task A_line_over_the_size_limit_fails_the_feed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.jsonl", "{\"sku\":\"A\"}\n{\"sku\":\"" + new string('x', 300_000) + "\"}\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new JsonLinesFeedReader().ReadAllAsync(new FeedSource(path) { MaxRecordBytes = 128 * 1024 }));

        Assert.That(error!.Line, Is.EqualTo(2));
    }
}
