using System.Text.Json;
using ProductFlow.Channels;

namespace ProductFlow.Publishing;

/// <summary>The JSON of a <see cref="PublishResult"/>, as the run report and <c>publish --json</c> write it.</summary>
public static class PublishResultJson
{
    public static void Write(Utf8JsonWriter writer, PublishResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("channel", result.Channel);
        writer.WriteBoolean("published", result.Published);
        writer.WriteString("mode", ExportModeNames.Name(result.Mode));
        WriteVersion(writer, "version", result.Version);
        WriteVersion(writer, "previous", result.Previous);
        writer.WriteNumber("rows", result.Rows);
        writer.WriteNumber("records", result.Records);
        writer.WriteNumber("added", result.Added);
        writer.WriteNumber("changed", result.Changed);
        writer.WriteNumber("removed", result.Removed);
        if (result.Location is null)
        {
            writer.WriteNull("file");
        }
        else
        {
            writer.WriteString("file", result.Location);
        }

        if (result.Refused is { } refused)
        {
            writer.WriteString("refused", refused);
        }

        writer.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter writer, string name, int? version)
    {
        if (version is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
