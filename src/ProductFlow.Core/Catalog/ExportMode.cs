using System.Text.Json.Serialization;

namespace ProductFlow.Catalog;

/// <summary>Whether an export holds the channel's whole assortment or what changed since its current version.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExportMode>))]
public enum ExportMode
{
    /// <summary>Every record the channel publishes.</summary>
    [JsonStringEnumMemberName("full")]
    Full,

    /// <summary>The records added or changed since the current version, and removals as the channel kind says (its removal policy).</summary>
    [JsonStringEnumMemberName("delta")]
    Delta,
}
