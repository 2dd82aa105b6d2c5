using ProductFlow.Connectors;
using ProductFlow.Connectors.Replay;
using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

public class ReplayFeedReaderTests
{
    [Test]
    public async Task A_replay_file_gives_back_each_row_with_the_feeds_columns_and_its_original_line()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("replay", "replay-r1.jsonl");
        var entries = new[]
        {
            new QuarantineEntry("r1", 9, "B", "[]", """{"Varenummer":"B","Navn":"Skjørt Østfold","Navn":"dup"}"""),
            new QuarantineEntry("r1", 4, "A", "[]", """{"Varenummer":"A","Navn":"Genser \"Bø\"","Navn":""}"""),
            new QuarantineEntry("r1", 6, null, "[]", """{"raw":"broken;\"row"}"""),
        };

        var written = ReplayFile.Write(path, "r1", "leverandør.csv", ';', entries);
        var rows = await new ReplayFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["varenummer"] });

        Assert.That(written, Is.EqualTo(2), "a row kept as raw text cannot be replayed");
        Assert.That(rows.Select(r => (r.Line, r.Location, string.Join('|', r.Fields))), Is.EqualTo(new[]
        {
            (2L, "leverandør.csv:4", "A|Genser \"Bø\"|"),
            (3L, "leverandør.csv:9", "B|Skjørt Østfold|dup"),
        }));
        Assert.That((rows[0].Header.Columns, rows[0].Header.Delimiter), Is.EqualTo((new[] { "Varenummer", "Navn", "Navn" }, ';')));
    }

    [Test]
    public void A_mapped_column_the_replayed_feed_did_not_have_fails_the_feed()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("replay-r1.jsonl");
        ReplayFile.Write(path, "r1", "feed.csv", ',', [new QuarantineEntry("r1", 2, "A", "[]", """{"sku":"A"}""")]);

        Assert.That(async () => await new ReplayFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku", "ean"] }),
            Throws.InstanceOf<FeedReadException>().With.Message.Contain("'ean' missing from the replayed feed"));
    }

    [Test]
    public void A_file_that_is_not_a_replay_file_fails_the_feed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.jsonl", "{\"sku\":\"A\"}\n");

        Assert.That(async () => await new ReplayFeedReader().ReadAllAsync(new FeedSource(path)), Throws.InstanceOf<FeedReadException>().With.Message.Contain("not a ProductFlow replay file"));
    }
}
