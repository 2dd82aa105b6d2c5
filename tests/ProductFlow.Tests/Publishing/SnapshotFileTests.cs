using ProductFlow.Publishing;

namespace ProductFlow.Tests.Publishing;

public class SnapshotFileTests
{
    private static SnapshotRow Row(int i) => new(
        $"SKU-{i:D5}",
        i % 3 == 0 ? null : $"MODEL-{i / 3}",
        [new("title", $"Veste « légère » n°{i} – 𝒜 \"quoted\" <b>"), new("price", $"{i}.95 EUR"), new("empty", "")]);

    [Test]
    public void Rows_written_are_read_back_as_they_were_in_order()
    {
        using var file = new MemoryStream();
        using (var writer = SnapshotFile.Create(file))
        {
            for (var i = 0; i < 2_000; i++)
            {
                writer.Write(Row(i));
            }
        }

        file.Position = 0;
        var rows = SnapshotFile.Read(file).ToList();
        Assert.That(rows, Has.Count.EqualTo(2_000));
        for (var i = 0; i < rows.Count; i += 97)
        {
            var expected = Row(i);
            Assert.That(rows[i].Sku, Is.EqualTo(expected.Sku));
            Assert.That(rows[i].Model, Is.EqualTo(expected.Model));
            Assert.That(rows[i].Fields, Is.EqualTo(expected.Fields));
        }
    }

    [Test]
    public void Rows_of_changing_shapes_and_repeated_texts_are_read_back_exactly()
    {
        // The reader keeps the row before's names and texts when the bytes are the same: rows here switch between shapes of the
        // same size and of other sizes, repeat texts at the same place or at another, and hold escapes, surrogate pairs and long texts
        // (not lone surrogates, which the writer writes as U+FFFD).
        var random = new Random(20);
        string[] vocabulary = [.. ProductFlow.Tests.Json.WrittenJson.Awkward, "a", "b", "c", "price", "title", "é<\"q\">"];
        string[] texts = ["", "same", "Same", "same ", "x\"y", "\u2028", "😀", "line\nfeed", new string('w', 70_000), "1.95", "1.950"];
        var rows = new List<SnapshotRow>();
        for (var i = 0; i < 3_000; i++)
        {
            var names = vocabulary.Where(_ => random.Next(3) > 0).Take(random.Next(1, 6)).Order(StringComparer.Ordinal).Distinct().ToList();
            if (i % 7 == 0 && rows.Count > 0)
            {
                names = [.. rows[^1].Fields.Select(f => f.Key)]; // the same shape again
            }

            var fields = names.Select(n => new KeyValuePair<string, string>(n, texts[random.Next(texts.Length)])).ToList();
            rows.Add(new SnapshotRow($"S-{i:D5}", random.Next(4) == 0 ? null : $"M-{i / 4}", fields));
        }

        var read = SnapshotFile.Read(new MemoryStream(Gzip(Written(rows)))).ToList();
        Assert.That(read, Has.Count.EqualTo(rows.Count));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.That((read[i].Sku, read[i].Model), Is.EqualTo((rows[i].Sku, rows[i].Model)), $"row {i}");
            Assert.That(read[i].Fields, Is.EqualTo(rows[i].Fields), $"row {i}");
        }
    }

    [Test]
    public void Rows_read_back_compare_with_rows_now_as_rows_in_memory_do()
    {
        // A row read from a state file is compared on its line first, then field by field; the changes must be those of the rows
        // as they were written, whatever changed: a text, a field added or removed, nothing.
        var random = new Random(7);
        string[] names = ["a", "b", "größe", "price", "title"];
        string[] texts = ["1", "2", "x\"y", "é", ""];
        SnapshotRow RandomRow(int i) => new($"S-{i:D4}", i % 3 == 0 ? null : "M", [.. names.Where(_ => random.Next(4) > 0).Select(n => new KeyValuePair<string, string>(n, texts[random.Next(texts.Length)]))]);
        var before = Enumerable.Range(0, 2_000).Select(RandomRow).ToList();
        var after = before.Select((row, i) => i % 2 == 0 ? new SnapshotRow(row.Sku, row.Model, [.. row.Fields]) : RandomRow(i)).ToList();
        var expected = before.Zip(after, SnapshotRow.Changes).ToList();
        Assert.That(expected.Count(c => c.Count == 0), Is.GreaterThanOrEqualTo(1_000), "rows without a change");
        Assert.That(expected.Count(c => c.Count > 0), Is.GreaterThan(500), "rows with changes");

        var read = SnapshotFile.Read(new MemoryStream(Gzip(Written(before)))).ToList();
        var changes = read.Zip(after, SnapshotRow.Changes).ToList();
        for (var i = 0; i < changes.Count; i++)
        {
            Assert.That(changes[i], Is.EqualTo(expected[i]), $"row {i}");
        }
    }

    [Test]
    public void A_row_compared_with_a_state_file_is_written_as_one_never_compared()
    {
        // A row compared with the version before keeps the line it was compared on, and the state file's writer writes that line.
        var rows = Enumerable.Range(0, 500).Select(Row).ToList();
        var expected = Written(rows);
        var read = SnapshotFile.Read(new MemoryStream(Gzip(expected))).ToList();
        var now = rows.Select(r => new SnapshotRow(r.Sku, r.Model, [.. r.Fields.Select((f, k) => k == 0 && r.Sku.EndsWith('7') ? new KeyValuePair<string, string>(f.Key, f.Value + "!") : f)])).ToList();
        Assert.That(read.Zip(now, SnapshotRow.Changes).Count(c => c.Count > 0), Is.EqualTo(50));
        Assert.That(Written(now), Is.EqualTo(Written(now.Select(r => new SnapshotRow(r.Sku, r.Model, [.. r.Fields])))));
        Assert.That(Written(read), Is.EqualTo(expected), "rows read back, written again");
    }

    [Test]
    public void Lines_are_read_as_JSON_whatever_their_order_spacing_and_line_ends()
    {
        // What a JSON reader takes of a line: properties in any order, unknown ones skipped, spaces, an explicit null model, CRLF,
        // escapes in names and texts, and a last line without its line feed.
        var text = "{\"f\":{\"a\":\"1\",\"b\\u00e9\":\"x\\\"y\"},\"x\":[1,{\"s\":2}],\"s\":\"S-1\"}\r\n"
            + " { \"s\" : \"S-2\" , \"m\" : null , \"f\" : { } } \n"
            + "{\"s\":\"S-3\",\"m\":\"M\",\"f\":{\"a\":\"\\ud83d\\ude00\"}}";
        var rows = SnapshotFile.Read(Gzipped(text)).ToList();
        Assert.That(rows.Select(r => (r.Sku, r.Model)), Is.EqualTo(new[] { ("S-1", (string?)null), ("S-2", null), ("S-3", "M") }));
        Assert.That(rows[0].Fields, Is.EqualTo(new KeyValuePair<string, string>[] { new("a", "1"), new("bé", "x\"y") }));
        Assert.That(rows[1].Fields, Is.Empty);
        Assert.That(rows[2].Fields, Is.EqualTo(new KeyValuePair<string, string>[] { new("a", "😀") }));
    }

    [TestCase("{\"s\":\"S-1\",\"f\":{}}\n\n", TestName = "An empty line is not a row")]
    [TestCase("{\"s\":\"S-1\",\"f\":{\"a\":1}}\n", TestName = "A field that is not text is not a row")]
    [TestCase("{\"s\":\"S-1\"}\n", TestName = "A row without fields is not a row")]
    [TestCase("{\"f\":{}}\n", TestName = "A row without a SKU is not a row")]
    [TestCase("{\"s\":\"S-1\",\"m\":1,\"f\":{}}\n", TestName = "A row whose model is not text is not a row")]
    [TestCase("{\"s\":\"S-1\",\"f\":{},\"m\":\"M\"}\n", TestName = "A row with its model after its fields is not a row")]
    [TestCase("{\"s\":\"S-1\",\"f\":{}} {}\n", TestName = "A line with two objects is not a row")]
    [TestCase("{\"s\":\"S-1\",\"f\":{\"a\":\"1\"}\n", TestName = "A row cut short is not a row")]
    public void A_broken_state_file_fails_with_a_JSON_error_when_its_rows_are_read(string text)
    {
        // A row's fields are parsed when first asked for: a publish compares most rows on their lines.
        Assert.Throws(Is.InstanceOf<System.Text.Json.JsonException>(), () => SnapshotFile.Read(Gzipped(text)).Select(r => r.Fields.Count).ToList());
    }

    [Test]
    public void Field_names_encoded_once_are_the_bytes_the_writer_makes_of_the_strings()
    {
        var awkward = ProductFlow.Tests.Json.WrittenJson.Awkward;
        var fields = awkward.Order(StringComparer.Ordinal).Select(name => new KeyValuePair<string, string>(name, name + " <value>")).Append(new("z\uD800", "lone")).ToList();
        using var file = new MemoryStream();
        using (var writer = SnapshotFile.Create(file))
        {
            for (var i = 0; i < 3; i++)
            {
                writer.Write(new SnapshotRow($"S-{i}", i == 1 ? null : "m<é>", fields));
            }
        }

        file.Position = 0;
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3));
        foreach (var line in lines)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(line);
            Assert.That(bytes, Is.EqualTo(ProductFlow.Tests.Json.WrittenJson.Rewritten(bytes)), line);
        }
    }

    [Test]
    public void Rows_of_a_channel_whose_names_are_encoded_once_per_shape_are_written_as_the_strings_would_be()
    {
        // Rows from ChannelFields share their names by shape, encoded once; rows made of pairs (no shape) take the string path.
        // Both must give the same bytes, a lone surrogate (which JsonEncodedText cannot encode) included.
        string[] names = [.. ProductFlow.Tests.Json.WrittenJson.Awkward, "z\uD800", "\uDC00a", "é<\"q\">"];
        var channel = new ProductFlow.Catalog.ChannelDefinition
        {
            Code = "partner", Kind = "partner-csv", Locale = "en_US", Columns = [.. names.Select(n => new ProductFlow.Catalog.ChannelColumn { Header = n, Value = n })],
        };
        var fields = new ChannelFields(new ProductFlow.Catalog.ChannelView(channel, ProductFlow.Tests.Channels.ChannelRecords.Catalog, ProductFlow.Catalog.ChannelView.GroupSize));
        var rows = new List<SnapshotRow>();
        for (var i = 0; i < 40; i++)
        {
            // Shapes revisited after others: every name, every other name, one name, none.
            var record = new ProductFlow.Model.ProductRecord($"S-{i}") { Parent = i % 5 == 0 ? null : "m<é>" };
            for (var n = 0; n < names.Length; n++)
            {
                if (i % 4 == 0 || (i % 4 == 1 && n % 2 == 0) || (i % 4 == 2 && n == i % names.Length))
                {
                    record.Values.Add(new ProductFlow.Model.ProductValue(names[n], null, null, $"{names[n]} <{i}>", ProductFlow.Model.ValueOrigin.FromRule("test")));
                }
            }

            rows.Add(fields.RowOf(record));
        }

        Assert.That(rows.Sum(r => r.Fields.Count), Is.GreaterThan(names.Length * 10));
        Assert.That(Written(rows), Is.EqualTo(Written(rows.Select(r => new SnapshotRow(r.Sku, r.Model, [.. r.Fields])))));
    }

    [Test]
    public void The_writer_leaves_its_output_open()
    {
        using var file = new MemoryStream();
        using (var writer = SnapshotFile.Create(file))
        {
            writer.Write(Row(1));
        }

        Assert.That(file.CanWrite, Is.True);
    }

    [Test]
    public void Rows_reach_the_file_in_large_compressed_blocks_and_the_file_is_never_flushed_per_row()
    {
        // A flush per row would be a system call per row (and a sync point of the compressor, which compresses worse).
        using var file = new RecordingStream();
        using (var writer = SnapshotFile.Create(file))
        {
            for (var i = 0; i < 20_000; i++)
            {
                writer.Write(Row(i));
            }
        }

        Assert.That(file.Flushes, Is.LessThanOrEqualTo(1), "flushes of the file");
        // The compressor hands its output on a few kilobytes at a time; 20,000 rows flushed one by one made 20,000 writes and more.
        Assert.That(file.Writes, Is.LessThan((file.Length / 4_096) + 4), $"writes to the file for {file.Length:N0} compressed bytes");
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    private static MemoryStream Gzipped(string text) => new(Gzip(System.Text.Encoding.UTF8.GetBytes(text)));

    // The state file's lines, uncompressed.
    private static byte[] Written(IEnumerable<SnapshotRow> rows)
    {
        using var file = new MemoryStream();
        using (var writer = SnapshotFile.Create(file))
        {
            foreach (var row in rows)
            {
                writer.Write(row);
            }
        }

        file.Position = 0;
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
