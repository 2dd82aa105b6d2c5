using System.Text.Json;
using ProductFlow.Store;

namespace ProductFlow.Publishing;

/// <summary>What a channel's current version is known to hold: every change of the store up to its position, made from these inputs (<see cref="PublishInputs"/>).</summary>
/// <remarks>
/// A version's manifest records the basis it was written from. A publish that reads the store and finds the version still current records
/// the later basis beside its state (<see cref="ExportLayout.Checked"/>), so the next publish need not read the store to find the same:
/// a store shared by several pipelines moves with each of them, while most of its channels change with few.
/// </remarks>
internal readonly record struct PublishBasis(StorePosition Position, string Inputs)
{
    /// <summary>The check file beside a version's state (<see cref="ExportLayout.Checked"/>): the basis alone.</summary>
    public void Write(Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        WriteFields(writer);
        writer.WriteEndObject();
    }

    public static PublishBasis Read(Stream input)
    {
        using var document = JsonDocument.Parse(input);
        return ReadFields(document.RootElement) ?? throw new JsonException("a check file without 'sequence', 'latestChange' and 'inputs'");
    }

    /// <summary>Its properties, in a manifest or a check file.</summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("sequence", Position.Sequence);
        writer.WriteString("latestChange", Position.Latest);
        writer.WriteString("inputs", Inputs);
    }

    /// <summary>The basis of a manifest or check file; null when it has none.</summary>
    public static PublishBasis? ReadFields(JsonElement root) =>
        root.TryGetProperty("sequence", out var sequence) && root.TryGetProperty("latestChange", out var latest) && root.TryGetProperty("inputs", out var inputs)
            ? new PublishBasis(new StorePosition(sequence.GetInt64(), latest.GetString()!), inputs.GetString()!)
            : null;
}
