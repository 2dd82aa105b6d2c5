using System.Text.Json.Serialization;

namespace ProductFlow.Channels;

/// <summary>Whether an export holds the channel's whole assortment or what changed since its current version.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportMode>))]
public enum ExportMode
{
    /// <summary>Every record the channel publishes.</summary>
    [JsonStringEnumMemberName("full")]
    Full,

    /// <summary>The records added or changed since the current version, and removals as the kind's <see cref="ChannelKind.Removals"/> says.</summary>
    [JsonStringEnumMemberName("delta")]
    Delta,
}
