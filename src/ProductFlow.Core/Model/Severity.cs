using System.Text.Json.Serialization;

namespace ProductFlow.Model;

/// <summary>How serious an <see cref="Issue"/> is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>The record, or its publication on a channel, is refused.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>The record is published with a note.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
}
