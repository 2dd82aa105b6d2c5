using ProductFlow.Connectors;

namespace ProductFlow.Ordering;

/// <summary>A source row as the sorter keeps it in its scratch file: feed, line, location, header (by index) and fields, as they were read.</summary>
internal static class HeldRows
{
    public static byte[] Write(SourceRow row, int header)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(row.Feed);
            writer.Write(row.Line);
            writer.Write(header);
            writer.Write(row.Location is not null);
            if (row.Location is not null)
            {
                writer.Write(row.Location);
            }

            writer.Write(row.Fields.Count);
            foreach (var field in row.Fields)
            {
                writer.Write(field);
            }
        }

        return buffer.ToArray();
    }

    public static SourceRow Read(byte[] bytes, IReadOnlyList<FeedHeader> headers)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var feed = reader.ReadString();
        var line = reader.ReadInt64();
        var header = headers[reader.ReadInt32()];
        var location = reader.ReadBoolean() ? reader.ReadString() : null;
        var fields = new string[reader.ReadInt32()];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.ReadString();
        }

        return new SourceRow(feed, line, header, fields) { Location = location };
    }
}
