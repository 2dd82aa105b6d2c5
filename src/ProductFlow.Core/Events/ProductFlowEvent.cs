using System.Text.Json;

namespace ProductFlow.Events;

/// <summary>One event ProductFlow raises, in the terms of CloudEvents 1.0: type, source, subject, id, time and JSON data.</summary>
/// <remarks>The id is new for every event and kept by the transport's retries, so a consumer can drop a repeated delivery.</remarks>
public abstract class ProductFlowEvent
{
    /// <summary>The prefix of every event's <see cref="Source"/>.</summary>
    public const string SourcePrefix = "/productflow";

    protected ProductFlowEvent(DateTimeOffset time)
    {
        Time = time;
    }

    /// <summary>Unique per event (a GUID).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("D");

    /// <summary>When what the event announces happened.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>One of <see cref="EventTypes"/>.</summary>
    public abstract string Type { get; }

    /// <summary>What raised it, e.g. <c>/productflow/channels/partner</c>.</summary>
    public abstract string Source { get; }

    /// <summary>What it is about, e.g. <c>exports/partner/v7</c>.</summary>
    public abstract string Subject { get; }

    /// <summary>The event's data, a JSON object (UTF-8).</summary>
    public byte[] DataJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteData(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the properties of the data object.</summary>
    protected abstract void WriteData(Utf8JsonWriter writer);
}
