using System.Text.Json;

namespace ProductFlow.Events;

/// <summary>One event ProductFlow raises, in the terms of CloudEvents 1.0: type, source, subject, id, time and JSON data.</summary>
/// <remarks>
/// The id is derived from what the event announces (<see cref="Id"/>), so the event written in the transaction of its fact and
/// the one re-derived after a crash are the same event, and every retry carries the same id: a receiver drops a repeat by id.
/// <see cref="ToEnvelope"/> gives what the outbox keeps and a publisher sends.
/// </remarks>
public abstract class ProductFlowEvent
{
    /// <summary>The prefix of every event's <see cref="Source"/>.</summary>
    public const string SourcePrefix = "/productflow";

    protected ProductFlowEvent(DateTimeOffset time)
    {
        Time = time;
    }

    /// <summary>Stable per fact: <c>&lt;channel&gt;:v&lt;n&gt;:published</c>, <c>&lt;runId&gt;:accepted</c>, <c>&lt;runId&gt;:rejected</c>.</summary>
    public abstract string Id { get; }

    /// <summary>When what the event announces happened.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>One of <see cref="EventTypes"/>.</summary>
    public abstract string Type { get; }

    /// <summary>What raised it, e.g. <c>/productflow/channels/partner</c>.</summary>
    public abstract string Source { get; }

    /// <summary>What it is about, e.g. <c>exports/partner/v7</c>.</summary>
    public abstract string Subject { get; }

    /// <summary>The event as the outbox keeps it and a publisher sends it.</summary>
    public EventEnvelope ToEnvelope() => new(Id, Type, Source, Subject, Time, DataJson());

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
