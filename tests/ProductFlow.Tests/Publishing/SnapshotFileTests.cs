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
