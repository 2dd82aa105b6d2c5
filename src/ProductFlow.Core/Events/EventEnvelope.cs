namespace ProductFlow.Events;

/// <summary>An event as the outbox keeps it and a publisher sends it: the CloudEvents 1.0 attributes and the JSON data.</summary>
/// <remarks>
/// <see cref="Id"/> is derived from what the event announces (<c>&lt;channel&gt;:v&lt;n&gt;:published</c>,
/// <c>&lt;runId&gt;:accepted</c>), so every retry and every process that re-derives it sends the same id and receivers can
/// drop a repeat.
/// </remarks>
public sealed record EventEnvelope(string Id, string Type, string Source, string Subject, DateTimeOffset Time, ReadOnlyMemory<byte> Data);
